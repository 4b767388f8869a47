// When someone loses access (removed from a project, or deactivated), the work
// they held or were assigned goes back to the pool at once instead of waiting
// for leases to expire or a manager to notice.
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { reassignWaitingReviews } from "../batches/batch-reviewer";
import { publishTaskChanges, type TaskChange } from "./publish-task-changes";
import { SQL_NEW_ID, SQL_NOW } from "./task-sql";

export async function releaseMemberWork(options: { userId: string; projectId?: string }): Promise<TaskChange[]> {
  const projectFilter = options.projectId ? Prisma.sql`AND t."projectId" = ${options.projectId}` : Prisma.empty;
  const released = await db().$queryRaw<TaskChange[]>`
    WITH released AS (
      UPDATE "Task" t SET
        status = CASE WHEN t.status = 'in_progress' THEN 'todo'::"TaskStatus" ELSE t.status END,
        "assigneeId" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${SQL_NOW}
      WHERE t."assigneeId" = ${options.userId} AND t.status IN ('todo', 'rejected', 'in_progress') ${projectFilter}
      RETURNING t.id, t."projectId", t."imageId", t."batchId", t.stage, t.status, t."assigneeId"
    ), audit AS (
      INSERT INTO "AuditEvent" (id, "actorId", "projectId", action, "targetType", "targetId", data)
      SELECT ${SQL_NEW_ID}, NULL, r."projectId", 'task.released_on_revoke', 'task', r.id,
        jsonb_build_object('imageId', r."imageId", 'previousAssigneeId', ${options.userId}::text)
      FROM released r
    )
    SELECT * FROM released`;
  // They leave the batches they reviewed; the waiting reviews just released are dealt out to the batch's
  // other reviewers (none left: "any reviewer", the pool). Hand-ins would skip them anyway: batch-reviewer.ts.
  const batches = await db().$queryRaw<{ id: string; reviewerIds: string[] }[]>`
    UPDATE "Batch" t SET "reviewerIds" = array_remove(t."reviewerIds", ${options.userId})
    WHERE ${options.userId} = ANY(t."reviewerIds") ${projectFilter}
    RETURNING t.id, t."reviewerIds"`;
  for (const batch of batches) {
    if (batch.reviewerIds.length === 0) continue;
    released.push(...(await db().$transaction((tx) => reassignWaitingReviews({ tx, batchId: batch.id, reviewerIds: batch.reviewerIds }))));
  }
  const byProject = new Map<string, TaskChange[]>();
  for (const task of released) byProject.set(task.projectId, [...(byProject.get(task.projectId) ?? []), task]);
  for (const [projectId, tasks] of byProject) publishTaskChanges({ projectId, tasks });
  return released;
}
