// The reviewer's comments the annotator still has to address: those of the
// latest rejection, while the image is back with the annotator (rejected or
// being reworked). Once resubmitted (or accepted) nothing is open. Rounds are
// told apart by their shared timestamp, not by comparing clocks.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";

export type OpenReviewComment = {
  id: string;
  comment: string;
  annotationId: string | null;
  pinX: number | null;
  pinY: number | null;
  createdAt: string;
  reviewer: { id: string; name: string };
};

export async function listOpenReviewComments(options: { actor: Actor; imageId: string }): Promise<OpenReviewComment[]> {
  const { actor, imageId } = options;
  const image = await db().image.findUnique({ where: { id: imageId }, select: { projectId: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  await requireProjectAccess({ actor, projectId: image.projectId }).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "Image not found.") : error;
  });
  const tasks = await db().task.findMany({ where: { imageId }, select: { id: true, stage: true, status: true } });
  const annotate = tasks.find((task) => task.stage === "annotate");
  const review = tasks.find((task) => task.stage === "review");
  if (!annotate || !review || annotate.status === "submitted" || annotate.status === "accepted") return [];
  // The latest round of review rows (one rejection writes all its comments with
  // one timestamp); open only if that round was a rejection.
  const latest = await db().review.findFirst({ where: { taskId: review.id }, orderBy: { createdAt: "desc" }, select: { verdict: true, createdAt: true } });
  if (!latest || latest.verdict !== "reject") return [];
  const reviews = await db().review.findMany({
    where: { taskId: review.id, verdict: "reject", createdAt: latest.createdAt },
    orderBy: { id: "asc" },
    select: { id: true, comment: true, annotationId: true, pinX: true, pinY: true, createdAt: true, reviewerId: true },
  });
  const reviewers = await db().user.findMany({ where: { id: { in: [...new Set(reviews.map((row) => row.reviewerId))] } }, select: { id: true, name: true } });
  return reviews.map((row) => ({
    id: row.id,
    comment: row.comment,
    annotationId: row.annotationId,
    pinX: row.pinX,
    pinY: row.pinY,
    createdAt: row.createdAt.toISOString(),
    reviewer: reviewers.find((user) => user.id === row.reviewerId) ?? { id: row.reviewerId, name: "Former user" },
  }));
}
