// The live-event outbox on real Postgres with real socket.io servers and
// clients: two "app processes" (a socket server + a relay each, different
// origin ids) and a publisher without a socket server (like the worker).
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { appendRealtimeEvent, outboxIdle, processOriginId } from "./append-realtime-event";
import { pruneRealtimeEvents } from "./prune-realtime-events";
import { publishEvent } from "./publish-event";
import { ACCESS_REVOKED_CONTROL } from "./handle-access-revoked";
import { startRealtimeRelay, type RealtimeRelay, type RelayedEvent } from "./start-realtime-relay";

type App = { http: HttpServer; io: Server; url: string };
const apps: App[] = [];
const relays: RealtimeRelay[] = [];
const clients: ClientSocket[] = [];
const globalIo = globalThis as unknown as { maskwrightIo?: Server };

/** A bare socket.io server (no auth: that is socket-server.ts's concern) that puts each client in the room it names. */
async function startApp(): Promise<App> {
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const io = new Server(http, { serveClient: false });
  io.on("connection", (socket) => void socket.join(String(socket.handshake.query.room)));
  const app = { http, io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
  apps.push(app);
  return app;
}

async function startRelay(app: App, originId: string, onControl?: (event: RelayedEvent) => void): Promise<RealtimeRelay> {
  const relay = startRealtimeRelay({ io: app.io, originId, intervalMs: 50, onControl });
  relays.push(relay);
  await relay.pollNow(); // the first poll only notes where the outbox stands
  return relay;
}

/** A connected client in `room`, recording every `event` it receives. */
async function joinRoom(app: App, room: string, event: string) {
  const socket = connect(app.url, { transports: ["websocket"], query: { room }, reconnection: false, forceNew: true });
  clients.push(socket);
  const received: unknown[] = [];
  socket.on(event, (payload: unknown) => received.push(payload));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return received;
}

async function until(condition: () => boolean, timeoutMs = 5000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for live events");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Lets several relay polls pass, so a duplicate would have arrived. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

beforeAll(() => {
  globalIo.maskwrightIo = undefined;
});

afterEach(() => {
  for (const relay of relays.splice(0)) relay.stop();
  globalIo.maskwrightIo = undefined;
});

afterAll(async () => {
  for (const client of clients) client.close();
  for (const app of apps) await new Promise<void>((resolve) => app.io.close(() => resolve()));
});

describe("live events across processes", () => {
  it("an event published without a socket server (the worker) reaches clients of every app process, once", async () => {
    const [a, b] = [await startApp(), await startApp()];
    await startRelay(a, "app-a");
    await startRelay(b, "app-b");
    const onA = await joinRoom(a, "project:p1", "embedding:changed");
    const onB = await joinRoom(b, "project:p1", "embedding:changed");
    const elsewhere = await joinRoom(a, "project:p2", "embedding:changed");

    publishEvent({ rooms: ["project:p1"], event: "embedding:changed", payload: { imageId: "i1", at: new Date("2026-01-02T03:04:05Z") } });
    await until(() => onA.length > 0 && onB.length > 0);
    await settle();
    // Dates arrive as JSON strings, as they would from a local emit.
    expect(onA).toEqual([{ imageId: "i1", at: "2026-01-02T03:04:05.000Z" }]);
    expect(onB).toEqual(onA);
    expect(elsewhere).toEqual([]);
  });

  it("the publishing app process emits locally at once and its relay does not emit it again", async () => {
    const [a, b] = [await startApp(), await startApp()];
    await startRelay(a, "app-a");
    await startRelay(b, processOriginId()); // b is this process
    const onA = await joinRoom(a, "image:x", "annotation:saved");
    const onB = await joinRoom(b, "image:x", "annotation:saved");
    globalIo.maskwrightIo = b.io;

    publishEvent({ rooms: ["image:x"], event: "annotation:saved", payload: { id: "n1" } });
    await until(() => onB.length > 0, 1000);
    await until(() => onA.length > 0);
    await settle();
    expect(onB).toEqual([{ id: "n1" }]);
    expect(onA).toEqual([{ id: "n1" }]);
  });

  it("does not replay events from before it started, and catches a row that commits after a later one", async () => {
    const a = await startApp();
    await appendRealtimeEvent({ rooms: ["r"], event: "ping", payload: { n: 0 }, originId: "elsewhere" });
    const relay = await startRelay(a, "app-a");
    const received = await joinRoom(a, "r", "ping");

    // A slow writer takes id n, a fast one n+1 and commits first: the relay sees n+1 before n exists.
    const slow = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await slow.connect();
    try {
      await slow.query("BEGIN");
      await slow.query(`INSERT INTO "RealtimeEvent" (rooms, event, payload, "originId") VALUES ('{r}', 'ping', '{"n":1}', 'elsewhere')`);
      await appendRealtimeEvent({ rooms: ["r"], event: "ping", payload: { n: 2 }, originId: "elsewhere" });
      await relay.pollNow();
      await until(() => received.length === 1);
      await slow.query("COMMIT");
    } finally {
      await slow.end();
    }
    await until(() => received.length === 2);
    await settle();
    expect(received).toEqual([{ n: 2 }, { n: 1 }]);
  });

  it("control events (cut a user's sockets) run in the other app processes and never reach a browser", async () => {
    const [a, b] = [await startApp(), await startApp()];
    const controlsA: unknown[] = [];
    const controlsB: unknown[] = [];
    await startRelay(a, "app-a", (event) => void controlsA.push(event.payload));
    await startRelay(b, "app-b", (event) => void controlsB.push(event.payload));
    const onA = await joinRoom(a, "user:u1", ACCESS_REVOKED_CONTROL);
    await appendRealtimeEvent({ rooms: [], event: ACCESS_REVOKED_CONTROL, payload: { userId: "u1", projectId: "p1" }, originId: "app-b" });
    await until(() => controlsA.length > 0);
    await settle();
    expect(controlsA).toEqual([{ userId: "u1", projectId: "p1" }]);
    expect(controlsB).toEqual([]); // b revoked its own sockets directly
    expect(onA).toEqual([]);
  });

  it("a burst of events (coalesced into multi-row inserts) arrives complete and in publish order", async () => {
    const a = await startApp();
    await startRelay(a, "app-a");
    const received = await joinRoom(a, "burst", "tick");
    await Promise.all(Array.from({ length: 300 }, (_, n) => appendRealtimeEvent({ rooms: ["burst"], event: "tick", payload: n, originId: "worker" })));
    await until(() => received.length === 300);
    expect(received).toEqual(Array.from({ length: 300 }, (_, n) => n));
  });

  it("outboxIdle waits for fire-and-forget events (more than one insert's worth) to be written, as a stopping process must", async () => {
    await outboxIdle(); // resolves at once with nothing pending
    const event = `shutdown-${processOriginId()}-${Date.now()}`;
    for (let n = 0; n < 700; n++) publishEvent({ rooms: ["shutdown"], event, payload: n });
    await outboxIdle();
    expect(await db().realtimeEvent.count({ where: { event } })).toBe(700);
  });

  it("prunes rows older than the retention window", async () => {
    const now = new Date();
    const old = await db().realtimeEvent.create({ data: { rooms: ["r"], event: "old", payload: {}, originId: "x", createdAt: new Date(now.getTime() - 10 * 60_000) } });
    await appendRealtimeEvent({ rooms: ["r"], event: "fresh", payload: {}, originId: "x" });
    expect(await pruneRealtimeEvents({ now })).toBeGreaterThanOrEqual(1);
    expect(await db().realtimeEvent.count({ where: { id: old.id } })).toBe(0);
    expect(await db().realtimeEvent.count({ where: { event: "fresh" } })).toBe(1);
  });
});
