// Embedded PostgreSQL for machines without a server: PGlite (Postgres compiled
// to WASM) persisted under the data dir and served over the Postgres wire
// protocol, so Prisma, pg-boss and better-auth talk to it like a real server.
//
// PGlite serves one connection at a time and queues the others, so every
// client of the embedded database must hold connections briefly (pool max 1,
// short idle timeout). See server/db/pool-options.ts.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(options: { dataDir: string; port: number }): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir });
  const server = new PGLiteSocketServer({
    db,
    port: options.port,
    host: "127.0.0.1",
    // A queued connection waits while another process runs a migration or a
    // long transaction; the default 10 s drops it too early.
    connectionQueueTimeout: 120_000,
  });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
