// `npm start` / `npm run dev`: one command that brings up the whole product.
// 1. With no DATABASE_URL, start the embedded Postgres (PGlite) in this
//    process, data under <dataDir>/pglite, so no server needs installing.
// 2. Apply migrations, seed the demo (only on an empty database).
// 3. Run the app process and the worker process; restart one that dies on its
//    own (RestartPolicy), and stop both together.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./db/embedded-postgres";
import { RestartPolicy } from "./restart-policy";

const dev = process.argv.includes("--dev");
const dataDir = path.resolve(process.env.MASKWRIGHT_DATA_DIR ?? "data");
process.env.MASKWRIGHT_DATA_DIR = dataDir;
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

function log(message: string) {
  console.log(`[launch] ${message}`);
}

/** The embedded demo keeps its own generated secret so sessions survive restarts. */
function ensureLocalSecret() {
  if (process.env.MASKWRIGHT_SECRET) return;
  const file = path.join(dataDir, "secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  process.env.MASKWRIGHT_SECRET = readFileSync(file, "utf8").trim();
  log(`using the generated secret in ${file} (set MASKWRIGHT_SECRET to choose your own)`);
}

// Asynchronous on purpose: the embedded database is served by this very
// process, so blocking the event loop would deadlock the migration.
async function migrate() {
  log("applying database migrations");
  const child = spawn("npx", ["prisma", "migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code})`);
}

async function seed() {
  const { seedDemo, seedFirstAdmin } = await import("./seed/seed-demo");
  const { stopQueue } = await import("./jobs/queue");
  const { db } = await import("./db/client");
  const wantDemo = process.env.MASKWRIGHT_DEMO ? process.env.MASKWRIGHT_DEMO === "1" : process.env.MASKWRIGHT_EMBEDDED_DB === "1";
  if (wantDemo && (await seedDemo())) log("seeded the demo project and accounts (see README)");
  else if (await seedFirstAdmin()) log("created the first admin from MASKWRIGHT_ADMIN_EMAIL");
  await stopQueue();
  await db().$disconnect();
}

let embedded: EmbeddedPostgres | null = null;
const children = new Map<string, ChildProcess>();
let stopping = false;

/**
 * Runs one process and restarts it when it dies on its own (a worker that lost
 * its database connection, say), so one crash does not take the whole app
 * down; a process that keeps dying stops everything (see RestartPolicy).
 * A clean exit (code 0) stops everything too: that is a deliberate stop.
 */
function startChild(name: string, file: string, policy = new RestartPolicy()): void {
  const child = spawn(process.execPath, ["--import", "tsx", file], { stdio: "inherit", env: process.env });
  children.set(name, child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    const plan = code === 0 ? null : policy.next(Date.now());
    if (!plan) {
      log(`${name} exited (${signal ?? code}); stopping`);
      void shutdown(code ?? 1);
      return;
    }
    log(`${name} exited (${signal ?? code}); restarting${plan.delayMs > 0 ? ` in ${plan.delayMs / 1000} s` : ""}`);
    setTimeout(() => {
      if (!stopping) startChild(name, file, policy);
    }, plan.delayMs);
  });
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  const running = [...children.values()].filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill("SIGTERM");
  await Promise.all(running.map((child) => new Promise((resolve) => child.once("exit", resolve))));
  await embedded?.stop().catch(() => undefined);
  process.exit(code);
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.MASKWRIGHT_EMBEDDED_DB_PORT ?? 54330);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port });
    process.env.DATABASE_URL = embedded.url;
    process.env.MASKWRIGHT_EMBEDDED_DB = "1";
    log(`embedded Postgres (PGlite) on 127.0.0.1:${port}, data in ${path.join(dataDir, "pglite")}`);
    ensureLocalSecret();
  }
  await migrate();
  await seed();
  startChild("app", "server/main.ts");
  startChild("worker", "server/worker-main.ts");
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
}

main().catch(async (error) => {
  console.error("[launch] failed:", error instanceof Error ? error.message : error);
  await shutdown(1);
});
