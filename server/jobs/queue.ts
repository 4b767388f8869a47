// The Postgres-backed job queue (pg-boss). Jobs are at-least-once: handlers
// must be idempotent. One PgBoss instance per process, started lazily.
import PgBoss from "pg-boss";
import pg from "pg";
import { poolOptions } from "../db/pool-options";
import { JOBS, type JobName, type JobPayloads } from "./job-names";

export type EnqueueOptions = { priority?: number; singletonKey?: string; startAfterSeconds?: number };

type Boss = PgBoss;

/**
 * pg-boss honours `singletonKey` only under a keyed policy. "stately": at
 * most one queued and one running job per key, so pre-fill triggers that
 * fire together (encoder done, detector activated, the manager's button)
 * queue an image once, and a trigger during a run queues one re-run.
 */
const QUEUE_POLICIES: Partial<Record<JobName, "standard" | "stately">> = {
  [JOBS.prefillImage]: "stately",
};
const globalForBoss = globalThis as unknown as { maskwrightBoss?: Promise<Boss> };

function createBoss(role: "client" | "worker"): Boss {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const embedded = process.env.MASKWRIGHT_EMBEDDED_DB === "1";
  // Our own pool so the embedded database's one-connection rule applies here too.
  const pool = new pg.Pool(poolOptions(url, embedded, 4));
  pool.on("error", (error) => console.error("[queue] idle connection error", error.message));
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    // Only the worker runs maintenance (expiry, retention); app processes just send.
    supervise: role === "worker",
    schedule: false,
    retryLimit: 3,
    retryDelay: 5,
    expireInSeconds: 15 * 60,
  });
  boss.on("error", (error) => console.error("[queue]", error.message));
  return boss;
}

async function startBoss(role: "client" | "worker"): Promise<Boss> {
  const boss = createBoss(role);
  await boss.start();
  for (const name of Object.values(JOBS)) {
    const policy = QUEUE_POLICIES[name] ?? "standard";
    const existing = await boss.getQueue(name);
    // createQueue is not idempotent across versions; tolerate "already exists".
    if (!existing) await boss.createQueue(name, { name, policy }).catch(() => undefined);
    // Queues made before a policy was chosen here get it now (jobs sent later use it).
    else if (existing.policy !== policy) await boss.updateQueue(name, { name, policy }).catch(() => undefined);
  }
  return boss;
}

export function queue(role: "client" | "worker" = "client"): Promise<Boss> {
  globalForBoss.maskwrightBoss ??= startBoss(role);
  return globalForBoss.maskwrightBoss;
}

export async function enqueueJob<N extends JobName>(
  name: N,
  data: JobPayloads[N],
  options: EnqueueOptions = {},
): Promise<string | null> {
  const boss = await queue();
  // pg-boss validates present keys even when undefined: pass only what is set.
  const sendOptions: PgBoss.SendOptions = {};
  if (options.priority !== undefined) sendOptions.priority = Math.round(options.priority);
  if (options.singletonKey !== undefined) sendOptions.singletonKey = options.singletonKey;
  if (options.startAfterSeconds !== undefined) sendOptions.startAfter = options.startAfterSeconds;
  return boss.send(name, data, sendOptions);
}

export async function stopQueue(): Promise<void> {
  const boss = await globalForBoss.maskwrightBoss;
  globalForBoss.maskwrightBoss = undefined;
  await boss?.stop({ graceful: true, wait: true });
}
