// How much pre-fill work is still queued for a project, read from the job
// queue's own table (pg-boss keeps one row per job, its payload names the
// image): images waiting (queued, retrying, or parked until their embedding
// is ready), images being pre-filled now, and images whose newest pre-fill
// job failed after its retries. The manager's panel shows it so "Pre-fill
// images" is visibly at work (the grid takes ~20 s an image on a small CPU)
// and a failure is not silent. Counted per image: "stately" allows one queued and one
// running job for the same image at once, and that image counts as running.
import type { PrefillQueueCounts } from "@/lib/schemas/detector";
import { db } from "../db/client";
import { JOBS } from "../jobs/job-names";

export async function countPrefillQueue(options: { projectId: string }): Promise<PrefillQueueCounts> {
  // Before the queue first started (a fresh database, no worker yet) there is no job table: nothing is queued.
  const [table] = await db().$queryRaw<{ present: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`;
  if (!table?.present) return { waiting: 0, running: 0, failed: 0, lastError: null };
  // One pass over the project's pre-fill jobs, grouped per image: running when one of its jobs is, else waiting when
  // one is queued (a re-run queued behind a running job is not a second image); failed only while its newest job is
  // the failed one (a later run, queued or done, supersedes it).
  const [counts] = await db().$queryRaw<{ waiting: number; running: number; failed: number; message: string | null }[]>`
    WITH per_image AS (
      SELECT bool_or(j.state = 'active') AS running,
        bool_or(j.state IN ('created', 'retry')) AS queued,
        (array_agg(j.state ORDER BY j.created_on DESC))[1] = 'failed' AS failed,
        (array_agg(j.output->>'message' ORDER BY j.created_on DESC))[1] AS message,
        max(j.completed_on) AS completed_on
      FROM pgboss.job j JOIN "Image" i ON i.id = j.data->>'imageId'
      WHERE j.name = ${JOBS.prefillImage} AND i."projectId" = ${options.projectId}
      GROUP BY j.data->>'imageId'
    )
    SELECT count(*) FILTER (WHERE queued AND NOT running)::int AS waiting,
      count(*) FILTER (WHERE running)::int AS running,
      count(*) FILTER (WHERE failed)::int AS failed,
      (array_agg(message ORDER BY completed_on DESC NULLS LAST) FILTER (WHERE failed))[1] AS message
    FROM per_image`;
  return { waiting: counts?.waiting ?? 0, running: counts?.running ?? 0, failed: counts?.failed ?? 0, lastError: counts?.message ?? null };
}
