// A review action needs the review task, its image and the annotate task it
// judges; anything else is a clear 4xx.
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { findTaskForActor } from "../tasks/find-task-for-actor";
import type { TaskRow } from "../tasks/task-summary";

export async function findReviewTask(options: { actor: Actor; taskId: string }): Promise<{ review: TaskRow; annotate: TaskRow & { priority: number }; image: { width: number; height: number } }> {
  const { task } = await findTaskForActor(options);
  if (task.stage !== "review") throw new AppError("bad_request", "That is not a review task: annotate tasks are submitted, not reviewed.");
  const annotate = await db().task.findUnique({
    where: { imageId_stage: { imageId: task.imageId, stage: "annotate" } },
    select: { id: true, projectId: true, imageId: true, batchId: true, stage: true, status: true, assigneeId: true, leaseExpiresAt: true, lastAnnotatorId: true, priority: true, image: { select: { width: true, height: true } } },
  });
  if (!annotate) throw new AppError("conflict", "This image has no annotate task to review.");
  const { image, ...annotateRow } = annotate;
  return { review: task, annotate: annotateRow, image };
}
