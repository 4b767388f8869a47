// Embedded PostgreSQL for machines without a server: PGlite (Postgres compiled
// to WASM) persisted under the data dir and served over the Postgres wire
// protocol, so Prisma, pg-boss and better-auth talk to it like a real server.
//
// PGlite serves one connection at a time and queues the others, so every
// client of the embedded database must hold connections briefly (pool max 1,
// short idle timeout). See server/db/pool-options.ts.
import { mkdirSync } from "node:fs";
import type { Server, Socket } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PostgresMessageFramer } from "./postgres-message-framer";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(options: { dataDir: string; port: number }): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir });
  handleReleasedLocks(db);
  const server = new PGLiteSocketServer({
    db,
    port: options.port,
    host: "127.0.0.1",
    // A queued connection waits while another process runs a migration or a
    // long transaction; the default 10 s drops it too early.
    connectionQueueTimeout: 120_000,
  });
  await server.start();
  prepareEachSocket(server);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * Two things every client socket needs before the library reads it:
 * - pglite-socket listens for "error" only on the socket it serves: a queued
 *   connection that the client resets (a pool closing while the app stops)
 *   emits an unhandled "error" and kills the process. Every socket gets a
 *   listener here; the library still sees the reset when it dequeues the
 *   socket (no longer writable: skipped).
 * - It passes each "data" chunk to PGlite as if it were whole messages (see
 *   PostgresMessageFramer): the socket's "data" events are re-cut here into
 *   whole messages, so whatever listens (now or when the queued socket is
 *   served) only ever sees those.
 * The net.Server is a TypeScript-only private field of the pinned version,
 * hence the cast.
 */
function prepareEachSocket(server: PGLiteSocketServer): void {
  const net = (server as unknown as { server: Server | null }).server;
  if (!net) throw new Error("pglite-socket: the TCP server is not where this version keeps it");
  net.on("connection", (socket: Socket) => {
    socket.on("error", () => undefined);
    const framer = new PostgresMessageFramer();
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event !== "data") return emit(event, ...args);
      const whole = framer.push(args[0] as Buffer);
      return whole ? emit("data", whole) : true;
    }) as Socket["emit"];
  });
}

/**
 * pglite-socket holds PGlite through runExclusive for as long as a client is
 * connected, and releases it by rejecting when that client's socket fails
 * (a reset). Nothing awaits that promise, so the rejection was unhandled and
 * killed the process serving the database. The same promise is still
 * returned: a caller that awaits it sees the rejection as before.
 */
function handleReleasedLocks(db: PGlite): void {
  const runExclusive = db.runExclusive.bind(db);
  db.runExclusive = <T>(callback: Parameters<typeof runExclusive<T>>[0]): Promise<T> => {
    const held = runExclusive(callback);
    held.catch(() => undefined);
    return held;
  };
}
