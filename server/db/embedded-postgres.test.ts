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

/** Collects uncaught exceptions and unhandled rejections until stop(). */
function watchUnhandled(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const collect = (error: unknown) => errors.push(error);
  process.on("uncaughtException", collect);
  process.on("unhandledRejection", collect);
  return {
    errors,
    stop: () => {
      process.off("uncaughtException", collect);
      process.off("unhandledRejection", collect);
    },
  };
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1" }, () => resolve(socket));
    socket.on("error", reject);
  });
}

/** Connects a fresh client, selects `value` through the database and disconnects. */
async function queryWithNewClient(value: number): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  try {
    return (await client.query<{ value: number }>("SELECT $1::int AS value", [value])).rows[0]?.value;
  } finally {
    await client.end();
  }
}

describe("embedded Postgres", () => {
  it("takes messages larger than one TCP chunk, and the next client is served after", async () => {
    // Before the framer, a 100 KB parameter reached PGlite in pieces and broke the connection (and PGlite).
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    try {
      await client.query("CREATE TABLE big_messages (id serial PRIMARY KEY, body text)");
      const body = "x".repeat(3_000_000);
      const inserted = await client.query<{ length: number }>("INSERT INTO big_messages (body) VALUES ($1) RETURNING length(body) AS length", [body]);
      expect(inserted.rows[0]?.length).toBe(body.length);
      const values = Array.from({ length: 5000 }, (_, i) => `($${i + 1})`).join(",");
      const rows = await client.query(`INSERT INTO big_messages (body) VALUES ${values} RETURNING id`, Array.from({ length: 5000 }, (_, i) => `row ${i} ${"y".repeat(100)}`));
      expect(rows.rowCount).toBe(5000);
    } finally {
      await client.end();
    }
    const next = new pg.Client({ connectionString: embedded.url });
    await next.connect();
    const count = await next.query<{ n: string }>("SELECT count(*) AS n FROM big_messages");
    expect(Number(count.rows[0]?.n)).toBe(5001);
    await next.end();
  });

  it("keeps serving after a queued client resets its connection", async () => {
    const unhandled = watchUnhandled();
    try {
      const first = new pg.Client({ connectionString: embedded.url });
      await first.connect();
      // The first client holds PGlite; this one waits in the queue, then resets.
      const queued = await openSocket(port);
      await new Promise((resolve) => setTimeout(resolve, 100));
      queued.resetAndDestroy();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(unhandled.errors).toEqual([]);
      expect((await first.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one).toBe(1);
      await first.end();
      // The reset socket is skipped when dequeued: a new client is served.
      expect(await queryWithNewClient(2)).toBe(2);
    } finally {
      unhandled.stop();
    }
  });

  it("keeps serving after the connected client resets its connection", async () => {
    const unhandled = watchUnhandled();
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
      expect(unhandled.errors).toEqual([]);
      expect(await queryWithNewClient(3)).toBe(3);
    } finally {
      unhandled.stop();
    }
  });
});
