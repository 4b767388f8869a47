// The embedded database survives clients that reset their connection (what
// a process dying with unread data does, e.g. the worker while the app
// stops): queued behind another client, or while PGlite serves it. Before
// the fixes each was an unhandled error that killed the launcher.
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "maskwright-pglite-test-"));
let embedded: EmbeddedPostgres;
let port: number;

beforeAll(async () => {
  port = await freePort();
  embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "db"), port });
});

afterAll(async () => {
  await embedded.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A port the OS just handed out (free a moment ago). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1" }, () => resolve(socket));
    socket.on("error", reject);
  });
}

describe("embedded Postgres", () => {
  it("keeps serving after a queued client resets its connection", async () => {
    const unhandled: unknown[] = [];
    const onUncaught = (error: unknown) => unhandled.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      const first = new pg.Client({ connectionString: embedded.url });
      await first.connect();
      // The first client holds PGlite; this one waits in the queue, then resets.
      const queued = await openSocket(port);
      await new Promise((resolve) => setTimeout(resolve, 100));
      queued.resetAndDestroy();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(unhandled).toEqual([]);
      expect((await first.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one).toBe(1);
      await first.end();
      // The reset socket is skipped when dequeued: a new client is served.
      const second = new pg.Client({ connectionString: embedded.url });
      await second.connect();
      expect((await second.query<{ two: number }>("SELECT 2 AS two")).rows[0]?.two).toBe(2);
      await second.end();
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });

  it("keeps serving after the connected client resets its connection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (error: unknown) => unhandled.push(error);
    process.on("uncaughtException", onUnhandled);
    process.on("unhandledRejection", onUnhandled);
    try {
      // A raw client that PGlite is serving (startup message sent), reset mid-session.
      const active = await openSocket(port);
      const startup = Buffer.alloc(8);
      startup.writeInt32BE(8, 0);
      startup.writeInt32BE(80877103, 4); // SSLRequest: PGlite answers "N"
      active.write(startup);
      await new Promise((resolve) => setTimeout(resolve, 200));
      active.resetAndDestroy();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(unhandled).toEqual([]);
      const next = new pg.Client({ connectionString: embedded.url });
      await next.connect();
      expect((await next.query<{ three: number }>("SELECT 3 AS three")).rows[0]?.three).toBe(3);
      await next.end();
    } finally {
      process.off("uncaughtException", onUnhandled);
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
