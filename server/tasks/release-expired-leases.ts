// The expiry sweep: in_progress tasks whose lease ran out go back to the pool.
// Claims already treat such tasks as open; the sweep makes progress counts
// and live views honest and tells everyone. Batched and SKIP LOCKED, so it
// never waits on a claim or a save in flight.
import { db } from "../db/client";
import { publishTaskChanges, type TaskChange } from "./publish-task-changes";
import { SQL_NEW_ID, SQL_NOW } from "./task-sql";

export async function releaseExpiredLeases(options: { limit?: number } = {}): Promise<TaskChange[]> {
  const limit = options.limit ?? 500;
  const released = await db().$queryRaw<(TaskChange & { previousAssigneeId: string | null })[]>`
    WITH expired AS (
      SELECT id, "assigneeId" FROM "Task"
      WHERE status = 'in_progress' AND "leaseExpiresAt" <= ${SQL_NOW}
      ORDER BY "leaseExpiresAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), released AS (
      UPDATE "Task" t SET status = 'todo', "assigneeId" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${SQL_NOW}
      FROM expired
      WHERE t.id = expired.id AND t.status = 'in_progress' AND t."leaseExpiresAt" <= ${SQL_NOW}
      RETURNING t.id, t."projectId", t."imageId", t."batchId", t.stage, t.status, t."assigneeId", expired."assigneeId" AS "previousAssigneeId"
    ), audit AS (
      INSERT INTO "AuditEvent" (id, "actorId", "projectId", action, "targetType", "targetId", data)
      SELECT ${SQL_NEW_ID}, NULL, r."projectId", 'task.lease_expired', 'task', r.id,
        jsonb_build_object('imageId', r."imageId", 'stage', r.stage::text, 'previousAssigneeId', r."previousAssigneeId")
      FROM released r
    )
    SELECT * FROM released`;
  const byProject = new Map<string, TaskChange[]>();
  for (const { previousAssigneeId: _previous, ...task } of released) {
    const list = byProject.get(task.projectId) ?? [];
    list.push(task);
    byProject.set(task.projectId, list);
  }
  for (const [projectId, tasks] of byProject) publishTaskChanges({ projectId, tasks });
  return released.map(({ previousAssigneeId: _previous, ...task }) => task);
}
