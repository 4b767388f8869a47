// The reviewer accepts an image: the review and the annotate task are both
// accepted in one transaction, while the reviewer's lease is live, and the
// round's hand-ins are scored against the accepted masks. After the commit,
// the accepted image may trigger automatic detector retraining.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { startAutoTraining } from "../detector/start-auto-training";
import { AppError } from "../errors/app-error";
import { claimNextTask, type ClaimResult } from "../tasks/claim-next-task";
import { leaseLostError } from "../tasks/lease-errors";
import { publishTaskChanges } from "../tasks/publish-task-changes";
import { SQL_NOW } from "../tasks/task-sql";
import { TASK_ROW_SELECT, toTaskSummary, type TaskSummary } from "../tasks/task-summary";
import { findReviewTask } from "./find-review-task";
import { scoreHandIns } from "../quality/score-hand-ins";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";
import { webhookReviewData } from "../webhooks/webhook-event-data";

export async function acceptReview(options: { actor: Actor; taskId: string; comment?: string; claimNext?: boolean; batchId?: string }): Promise<{ review: TaskSummary; annotate: TaskSummary; next: ClaimResult | null }> {
  const { actor, taskId } = options;
  const { review, annotate } = await findReviewTask({ actor, taskId });
  const result = await db().$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE "Task" SET status = 'accepted', "submittedAt" = ${SQL_NOW}, "leaseExpiresAt" = NULL, "updatedAt" = ${SQL_NOW}
      WHERE id = ${taskId} AND status = 'in_progress' AND "assigneeId" = ${actor.id} AND "leaseExpiresAt" > ${SQL_NOW}`;
    if (updated === 0) throw leaseLostError(review, actor.id);
    const accepted = await tx.task.updateMany({ where: { id: annotate.id, status: "submitted" }, data: { status: "accepted" } });
    if (accepted.count === 0) throw new AppError("conflict", `The image is ${annotate.status.replace("_", " ")}, not submitted: it cannot be accepted now.`);
    await tx.review.create({ data: { taskId, reviewerId: actor.id, verdict: "accept", comment: options.comment?.trim() ?? "" } });
    const scored = await scoreHandIns({ tx, imageId: review.imageId, reviewerId: actor.id });
    await queueWebhookEvent({
      tx,
      projectId: review.projectId,
      event: "review.accepted",
      data: async () => ({
        ...(await webhookReviewData({ tx, reviewTaskId: taskId, annotate, imageId: review.imageId, reviewer: actor })),
        comment: options.comment?.trim() ?? "",
        reviewSkipped: false,
        // This round's hand-ins against the accepted masks (the Analytics tab's quality figures).
        handIns: scored.map(({ handInId, annotatorId, quality }) => ({ handInId, annotatorId, ...quality })),
      }),
    });
    await recordAuditEvent({ tx, actorId: actor.id, projectId: review.projectId, action: "review.accept", targetType: "task", targetId: taskId, data: { imageId: review.imageId, annotatorId: annotate.lastAnnotatorId } });
    return {
      review: await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: TASK_ROW_SELECT }),
      annotate: await tx.task.findUniqueOrThrow({ where: { id: annotate.id }, select: TASK_ROW_SELECT }),
    };
  });
  const summaries = { review: toTaskSummary(result.review), annotate: toTaskSummary(result.annotate) };
  publishTaskChanges({ projectId: review.projectId, tasks: [summaries.review, summaries.annotate] });
  await startAutoTraining(review.projectId);
  const next = options.claimNext ? await claimNextTask({ actor, projectId: review.projectId, input: { stage: "review", batchId: options.batchId } }) : null;
  return { ...summaries, next };
}
