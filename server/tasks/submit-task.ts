// "Submit" in the editor: the annotator hands the image to review. In one
// transaction the annotate task becomes submitted (only while its lease is
// held and live), and the image's review task is created or reopened (after a
// rejection the same row is reused, so its review history stays together).
// With `claimNext` the annotator's next image is claimed right after.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { claimNextTask, type ClaimResult } from "./claim-next-task";
import { findTaskForActor } from "./find-task-for-actor";
import { leaseLostError } from "./lease-errors";
import { publishTaskChanges } from "./publish-task-changes";
import { SQL_NOW } from "./task-sql";
import { TASK_ROW_SELECT, toTaskSummary, type TaskSummary } from "./task-summary";

export type SubmitResult = { task: TaskSummary; reviewTask: TaskSummary; next: ClaimResult | null };

export async function submitTask(options: { actor: Actor; taskId: string; claimNext?: boolean; prefetch?: boolean }): Promise<SubmitResult> {
  const { actor, taskId } = options;
  const { task } = await findTaskForActor({ actor, taskId });
  if (task.stage !== "annotate") throw new AppError("bad_request", "A review is finished with accept or reject, not submit.");
  const { submitted, reviewTask } = await db().$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE "Task" SET status = 'submitted', "lastAnnotatorId" = ${actor.id}, "submittedAt" = ${SQL_NOW},
        "leaseExpiresAt" = NULL, "skipReason" = NULL, "updatedAt" = ${SQL_NOW}
      WHERE id = ${taskId} AND status = 'in_progress' AND "assigneeId" = ${actor.id} AND "leaseExpiresAt" > ${SQL_NOW}`;
    if (updated === 0) throw leaseLostError(task, actor.id);
    const submittedRow = await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: { ...TASK_ROW_SELECT, priority: true } });
    const review = await tx.task.upsert({
      where: { imageId_stage: { imageId: task.imageId, stage: "review" } },
      create: { projectId: task.projectId, imageId: task.imageId, batchId: task.batchId, stage: "review", status: "todo", priority: submittedRow.priority },
      update: { status: "todo", assigneeId: null, leaseExpiresAt: null, batchId: task.batchId, priority: submittedRow.priority },
      select: TASK_ROW_SELECT,
    });
    await recordAuditEvent({ tx, actorId: actor.id, projectId: task.projectId, action: "task.submit", targetType: "task", targetId: taskId, data: { imageId: task.imageId, stage: "annotate" } });
    return { submitted: submittedRow, reviewTask: review };
  });
  const { priority: _priority, ...submittedTask } = submitted;
  const result: SubmitResult = { task: toTaskSummary(submittedTask), reviewTask: toTaskSummary(reviewTask), next: null };
  publishTaskChanges({ projectId: task.projectId, tasks: [result.task, result.reviewTask] });
  if (options.claimNext) result.next = await claimNextTask({ actor, projectId: task.projectId, input: { stage: "annotate" }, prefetch: options.prefetch });
  return result;
}
