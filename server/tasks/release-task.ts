// "Stop" in the editor: give the image back to the pool before the lease runs
// out, so a teammate can take it at once.
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { findTaskForActor } from "./find-task-for-actor";
import { leaseLostError } from "./lease-errors";
import { publishTaskChanges } from "./publish-task-changes";
import { TASK_ROW_SELECT, toTaskSummary, type TaskSummary } from "./task-summary";

export async function releaseTask(options: { actor: Actor; taskId: string }): Promise<TaskSummary> {
  const { actor, taskId } = options;
  const { task } = await findTaskForActor({ actor, taskId });
  const released = await db().$transaction(async (tx) => {
    const updated = await tx.task.updateMany({
      where: { id: taskId, status: "in_progress", assigneeId: actor.id },
      data: { status: "todo", assigneeId: null, leaseExpiresAt: null },
    });
    if (updated.count === 0) throw leaseLostError(task, actor.id);
    await recordAuditEvent({ tx, actorId: actor.id, projectId: task.projectId, action: "task.release", targetType: "task", targetId: taskId, data: { imageId: task.imageId, stage: task.stage } });
    return tx.task.findUniqueOrThrow({ where: { id: taskId }, select: TASK_ROW_SELECT });
  });
  const summary = toTaskSummary(released);
  publishTaskChanges({ projectId: summary.projectId, tasks: [summary] });
  return summary;
}
