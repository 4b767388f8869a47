// Where the background jobs stand, read from pg-boss's own table: per queue,
// jobs waiting, running and retrying now, done and failed in the last 24 h,
// and the newest failure's message. Null before the queue was ever started
// (a fresh database: the worker creates pg-boss's schema on its first start).
import { db } from "../db/client";

export type JobQueueStatus = {
  name: string;
  waiting: number;
  running: number;
  retrying: number;
  completedLast24h: number;
  failedLast24h: number;
  lastFailure: { at: string; message: string } | null;
};

type CountRow = { name: string; waiting: bigint; running: bigint; retrying: bigint; completed: bigint; failed: bigint };
type FailureRow = { name: string; at: Date; message: string | null };

export async function readJobQueueStatus(): Promise<JobQueueStatus[] | null> {
  const [exists] = await db().$queryRaw<{ present: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`;
  if (!exists?.present) return null;
  const counts = await db().$queryRawUnsafe<CountRow[]>(`
    SELECT name,
      count(*) FILTER (WHERE state = 'created') AS waiting,
      count(*) FILTER (WHERE state = 'active') AS running,
      count(*) FILTER (WHERE state = 'retry') AS retrying,
      count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '24 hours') AS completed,
      count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '24 hours') AS failed
    FROM pgboss.job GROUP BY name ORDER BY name`);
  const failures = await db().$queryRawUnsafe<FailureRow[]>(`
    SELECT DISTINCT ON (name) name, completed_on AS at, output->>'message' AS message
    FROM pgboss.job WHERE state = 'failed' AND completed_on > now() - interval '24 hours'
    ORDER BY name, completed_on DESC`);
  const lastFailure = new Map(failures.map((row) => [row.name, { at: row.at.toISOString(), message: (row.message ?? "no message").slice(0, 300) }]));
  return counts.map((row) => ({
    name: row.name,
    waiting: Number(row.waiting),
    running: Number(row.running),
    retrying: Number(row.retrying),
    completedLast24h: Number(row.completed),
    failedLast24h: Number(row.failed),
    lastFailure: lastFailure.get(row.name) ?? null,
  }));
}
