// The reviewer rejects an image with comments, each optionally pinned to a
// mask (annotationId) and/or a point (pinX, pinY in image pixels). The image
// goes back to the annotator who submitted it (lastAnnotatorId), who is told
// live and sees the comments in the editor.
import { reviewCommentInput, type ReviewCommentInput } from "@/lib/schemas/tasks";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { publishEvent, userRoom } from "../realtime/publish-event";
import { claimNextTask, type ClaimResult } from "../tasks/claim-next-task";
import { leaseLostError } from "../tasks/lease-errors";
import { publishTaskChanges } from "../tasks/publish-task-changes";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";
import { webhookReviewData } from "../webhooks/webhook-event-data";
import { SQL_NOW } from "../tasks/task-sql";
import { TASK_ROW_SELECT, toTaskSummary, type TaskSummary } from "../tasks/task-summary";
import { findReviewTask } from "./find-review-task";

export type ReviewRejectedEvent = { projectId: string; imageId: string; taskId: string; reviewerName: string; comments: { comment: string; annotationId: string | null; pinX: number | null; pinY: number | null }[] };

const commentsSchema = z.array(reviewCommentInput).min(1, "A rejection needs at least one comment").max(100, "At most 100 comments");

async function validatePins(options: { imageId: string; image: { width: number; height: number }; comments: ReviewCommentInput[] }) {
  const annotationIds = [...new Set(options.comments.map((comment) => comment.annotationId).filter((id): id is string => Boolean(id)))];
  if (annotationIds.length > 0) {
    const found = await db().annotation.count({ where: { id: { in: annotationIds }, imageId: options.imageId, deletedAt: null } });
    if (found !== annotationIds.length) throw new AppError("bad_request", "A comment is pinned to a mask that is not on this image (or was deleted).");
  }
  for (const comment of options.comments) {
    const { pinX, pinY } = comment;
    const hasX = pinX !== undefined && pinX !== null;
    const hasY = pinY !== undefined && pinY !== null;
    if (hasX !== hasY) throw new AppError("bad_request", "A pinned comment needs both pinX and pinY.");
    if (hasX && hasY && (pinX < 0 || pinY < 0 || pinX > options.image.width || pinY > options.image.height)) {
      throw new AppError("bad_request", `A pin lies outside the image (${options.image.width}x${options.image.height}).`);
    }
  }
}

export async function rejectReview(options: { actor: Actor; taskId: string; comments: z.input<typeof commentsSchema>; claimNext?: boolean; batchId?: string }): Promise<{ review: TaskSummary; annotate: TaskSummary; next: ClaimResult | null }> {
  const { actor, taskId } = options;
  const comments = commentsSchema.parse(options.comments);
  const { review, annotate, image } = await findReviewTask({ actor, taskId });
  await validatePins({ imageId: review.imageId, image, comments });
  // Back to the annotator who did it, if they may still label here; else to the pool.
  const returnTo = annotate.lastAnnotatorId
    ? await db().membership.findFirst({ where: { projectId: review.projectId, userId: annotate.lastAnnotatorId, role: { in: ["annotator", "manager"] }, user: { active: true } }, select: { userId: true } })
    : null;
  const result = await db().$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE "Task" SET status = 'rejected', "submittedAt" = ${SQL_NOW}, "leaseExpiresAt" = NULL, "updatedAt" = ${SQL_NOW}
      WHERE id = ${taskId} AND status = 'in_progress' AND "assigneeId" = ${actor.id} AND "leaseExpiresAt" > ${SQL_NOW}`;
    if (updated === 0) throw leaseLostError(review, actor.id);
    const reopened = await tx.task.updateMany({ where: { id: annotate.id, status: "submitted" }, data: { status: "rejected", assigneeId: returnTo?.userId ?? null, leaseExpiresAt: null } });
    if (reopened.count === 0) throw new AppError("conflict", `The image is ${annotate.status.replace("_", " ")}, not submitted: it cannot be rejected now.`);
    // One timestamp for the whole round: that is how listOpenReviewComments finds it.
    const createdAt = new Date();
    await tx.review.createMany({
      data: comments.map((comment) => ({ createdAt, taskId, reviewerId: actor.id, verdict: "reject" as const, comment: comment.comment, annotationId: comment.annotationId ?? null, pinX: comment.pinX ?? null, pinY: comment.pinY ?? null })),
    });
    await queueWebhookEvent({
      tx,
      projectId: review.projectId,
      event: "review.rejected",
      data: async () => ({
        ...(await webhookReviewData({ tx, reviewTaskId: taskId, annotate, imageId: review.imageId, reviewer: actor })),
        returnedTo: returnTo?.userId ?? null,
        comments: comments.map((comment) => ({ comment: comment.comment, annotationId: comment.annotationId ?? null, pinX: comment.pinX ?? null, pinY: comment.pinY ?? null })),
      }),
    });
    await recordAuditEvent({ tx, actorId: actor.id, projectId: review.projectId, action: "review.reject", targetType: "task", targetId: taskId, data: { imageId: review.imageId, annotatorId: annotate.lastAnnotatorId, comments: comments.length } });
    return {
      review: await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: TASK_ROW_SELECT }),
      annotate: await tx.task.findUniqueOrThrow({ where: { id: annotate.id }, select: TASK_ROW_SELECT }),
    };
  });
  const summaries = { review: toTaskSummary(result.review), annotate: toTaskSummary(result.annotate) };
  publishTaskChanges({ projectId: review.projectId, tasks: [summaries.review, summaries.annotate] });
  if (summaries.annotate.assigneeId) {
    const event: ReviewRejectedEvent = {
      projectId: review.projectId,
      imageId: review.imageId,
      taskId: annotate.id,
      reviewerName: actor.name,
      comments: comments.map((comment) => ({ comment: comment.comment, annotationId: comment.annotationId ?? null, pinX: comment.pinX ?? null, pinY: comment.pinY ?? null })),
    };
    publishEvent({ rooms: [userRoom(summaries.annotate.assigneeId)], event: "review:rejected", payload: event });
  }
  const next = options.claimNext ? await claimNextTask({ actor, projectId: review.projectId, input: { stage: "review", batchId: options.batchId } }) : null;
  return { ...summaries, next };
}
