// The images the actor would get next from the labeling queue, in claim
// order, without claiming or locking anything: the editor prefetches their
// embeddings into the browser so "Submit & next" opens ready to click. A
// guess, not a promise (a teammate may take one first); the claim decides.
// Same order as claimNextTask: assigned to me first (rework before new work),
// then the pool; batch priority, due day, task priority, age.
import { db } from "../db/client";

export async function peekNextTaskImages(options: { projectId: string; actorId: string; excludeImageId?: string | null; count?: number }): Promise<string[]> {
  const count = Math.max(1, Math.min(options.count ?? 2, 10));
  const rows = await db().$queryRaw<{ imageId: string }[]>`
    SELECT t."imageId" FROM "Task" t
    JOIN "Batch" b ON b.id = t."batchId"
    WHERE t."projectId" = ${options.projectId} AND t.stage = 'annotate'
      AND t.status IN ('todo', 'rejected') AND (t."assigneeId" IS NULL OR t."assigneeId" = ${options.actorId})
      AND t."imageId" IS DISTINCT FROM ${options.excludeImageId ?? null}
    ORDER BY (t."assigneeId" IS NOT DISTINCT FROM ${options.actorId}) DESC, (t.status = 'rejected') DESC,
      b.priority DESC, b."dueOn" ASC NULLS LAST, t.priority DESC, t."createdAt" ASC, t.id ASC
    LIMIT ${count}`;
  return rows.map((row) => row.imageId);
}
