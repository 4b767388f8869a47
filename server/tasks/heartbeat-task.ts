// The editor calls this every ~30 s while open: it extends the lease. A lease
// that ran out is renewed only while nobody else has taken the task (the
// statement re-checks the holder on the locked row); once another claim or
// the expiry sweep has moved it, the answer is 409 and the editor keeps its
// work locally.
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { findTaskForActor } from "./find-task-for-actor";
import { leaseLostError } from "./lease-errors";
import { leaseExpirySql, SQL_NOW } from "./task-sql";

export async function heartbeatTask(options: { actor: Actor; taskId: string }): Promise<{ taskId: string; leaseExpiresAt: string }> {
  const { actor, taskId } = options;
  const { task } = await findTaskForActor({ actor, taskId });
  const rows = await db().$queryRaw<{ leaseExpiresAt: Date }[]>`
    UPDATE "Task" SET "leaseExpiresAt" = ${leaseExpirySql()}, "heartbeatAt" = ${SQL_NOW}
    WHERE id = ${taskId} AND status = 'in_progress' AND "assigneeId" = ${actor.id}
    RETURNING "leaseExpiresAt"`;
  const row = rows[0];
  if (!row) throw leaseLostError(task, actor.id);
  return { taskId, leaseExpiresAt: row.leaseExpiresAt.toISOString() };
}
