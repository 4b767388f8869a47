// How much pre-fill work is still queued for a project, read from the job
// queue's own table (pg-boss keeps one row per job, its payload names the
// image): images waiting (queued, retrying, or parked until their embedding
// is ready), images being pre-filled now, and images whose newest pre-fill
// job failed after its retries. The manager's panel shows it so "Pre-fill
// images" is visibly at work (the grid takes ~20 s an image on a small CPU)
// and a failure is not silent. Counted per image: "stately" allows one queued and one
// running job for the same image at once, and that image counts as running.
import { db } from "../db/client";
import { JOBS } from "../jobs/job-names";

export interface PrefillQueueCounts {
  waiting: number;
  running: number;
  /** Images whose latest pre-fill job failed for good (its retries spent), and one such error. */
  failed: number;
  lastError: string | null;
}

export async function countPrefillQueue(options: { projectId: string }): Promise<PrefillQueueCounts> {
  // Before the queue first started (a fresh database, no worker yet) there is no job table: nothing is queued.
  const [table] = await db().$queryRaw<{ present: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`;
  if (!table?.present) return { waiting: 0, running: 0, failed: 0, lastError: null };
  // Per image: running when one of its jobs is, else waiting (a re-run queued behind a running job is not a second image).
  const rows = await db().$queryRaw<{ running: boolean; images: number }[]>`
    WITH queued AS (
      SELECT j.data->>'imageId' AS image_id, bool_or(j.state = 'active') AS running
      FROM pgboss.job j JOIN "Image" i ON i.id = j.data->>'imageId'
      WHERE j.name = ${JOBS.prefillImage} AND i."projectId" = ${options.projectId} AND j.state IN ('created', 'retry', 'active')
      GROUP BY 1
    )
    SELECT running, count(*)::int AS images FROM queued GROUP BY 1`;
  // An image counts as failed only while its newest job is the failed one: a later run (queued or done) supersedes it.
  const [failures] = await db().$queryRaw<{ failed: number; message: string | null }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (j.data->>'imageId') j.state, j.output, j.completed_on
      FROM pgboss.job j JOIN "Image" i ON i.id = j.data->>'imageId'
      WHERE j.name = ${JOBS.prefillImage} AND i."projectId" = ${options.projectId}
      ORDER BY j.data->>'imageId', j.created_on DESC
    )
    SELECT count(*)::int AS failed, (array_agg(output->>'message' ORDER BY completed_on DESC NULLS LAST))[1] AS message
    FROM latest WHERE state = 'failed'`;
  return {
    waiting: rows.find((row) => !row.running)?.images ?? 0,
    running: rows.find((row) => row.running)?.images ?? 0,
    failed: failures?.failed ?? 0,
    lastError: failures?.message ?? null,
  };
}
