// The app process: Next.js and socket.io on one HTTP port.
import { createServer } from "node:http";
import next from "next";
import { appConfig } from "./config/app-config";
import { authSecret } from "./auth/auth-secret";
import { attachSocketServer } from "./realtime/socket-server";
import { startProgressBroadcaster } from "./realtime/progress-broadcaster";
import { startRealtimeRelay } from "./realtime/start-realtime-relay";
import { outboxIdle } from "./realtime/append-realtime-event";
import { ACCESS_REVOKED_CONTROL, revokeLocalSockets, type AccessRevokedControl } from "./realtime/handle-access-revoked";
import { PROGRESS_EVENTS } from "./jobs/publish-job-events";
import { startLeaseSweeper } from "./tasks/start-lease-sweeper";
import { readWebhookAllowedHosts } from "./webhooks/webhook-address-policy";

const config = appConfig();
const dev = process.env.NODE_ENV !== "production";
authSecret(); // throws in production when the secret is missing
readWebhookAllowedHosts(); // a malformed MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS stops the start, naming the entry
const trustProxy = process.env.MASKWRIGHT_TRUST_PROXY === "1";
/** A stop that takes longer than this is stuck (a request that never ends): exit anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

const app = next({ dev, hostname: "0.0.0.0", port: config.port });

app.prepare().then(() => {
  const handle = app.getRequestHandler();
  const httpServer = createServer((request, response) => {
    // Without a trusted proxy in front, the client's own address is the only
    // honest rate-limit key: never let a client choose it.
    if (!trustProxy) request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "unknown";
    void handle(request, response);
  });
  const allowedOrigins = [config.publicUrl, `http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
  const io = attachSocketServer({ httpServer, allowedOrigins });
  const progress = startProgressBroadcaster({ io });
  // Live events from the worker and other app processes (the database outbox).
  startRealtimeRelay({
    io,
    onRelayed: (event) => PROGRESS_EVENTS.has(event.event) && progress.refresh(),
    onControl: (event) => (event.event === ACCESS_REVOKED_CONTROL ? revokeLocalSockets(event.payload as AccessRevokedControl) : undefined),
  });
  startLeaseSweeper(); // expired image leases back to the pool, announced live
  httpServer.listen(config.port, () => {
    console.log(`[app] Maskwright ready at ${config.publicUrl} (${dev ? "development" : "production"})`);
  });
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // Open browser tabs hold socket.io and keep-alive connections that would
    // keep httpServer.close() waiting for ever: io.close() drops the sockets
    // and closes the server, closeAllConnections() the rest. Live events still
    // on their way to the outbox go out before the process does.
    void io.close(() => void outboxIdle().then(() => process.exit(0)));
    httpServer.closeAllConnections();
    setTimeout(() => {
      console.error(`[app] still stopping after ${SHUTDOWN_GRACE_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}).catch((error: unknown) => {
  // A start that fails (no production build, a port taken) must exit non-zero so the launcher reports it.
  console.error("[app] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
