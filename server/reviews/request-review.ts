// A manager sends accepted images (back) to review: the spot check that
// review sampling leaves room for, or a second look at ones already reviewed.
// All or none, in one transaction: each annotate task returns to "submitted",
// each image's review task waits again (for the batch's reviewer, else the
// pool; never the person who labelled it), and a hand-in accepted without
// review gets the image's current masks as its snapshot, so the review scores
// it like any other. An image that is not accepted is named and nothing moves.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { batchReviewerSql } from "../batches/batch-reviewer";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { liveMasksJsonSql } from "../quality/hand-in-sql";
import { publishTaskChanges } from "../tasks/publish-task-changes";
import { SQL_NEW_ID, SQL_NOW } from "../tasks/task-sql";
import { toTaskSummary, type TaskRow, type TaskSummary } from "../tasks/task-summary";

const RETURNED = Prisma.sql`id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId"`;

type Requested = { imageId: string; annotate: TaskSummary; review: TaskSummary };

/** One image's move back to review, inside the caller's transaction; false when its task is no longer accepted. */
async function moveToReview(tx: Prisma.TransactionClient, task: { id: string; imageId: string; lastAnnotatorId: string | null }): Promise<{ annotate: TaskRow; review: TaskRow } | null> {
  const annotate = await tx.$queryRaw<TaskRow[]>`
    UPDATE "Task" SET status = 'submitted', "updatedAt" = ${SQL_NOW}
    WHERE id = ${task.id} AND status = 'accepted'
    RETURNING ${RETURNED}`;
  if (annotate.length === 0) return null;
  const review = await tx.$queryRaw<TaskRow[]>`
    INSERT INTO "Task" (id, "projectId", "imageId", "batchId", stage, status, "assigneeId", priority, "createdAt", "updatedAt")
    SELECT ${SQL_NEW_ID}, a."projectId", a."imageId", a."batchId", 'review', 'todo', ${batchReviewerSql(Prisma.sql`a."batchId"`, task.lastAnnotatorId ?? "")}, a.priority, ${SQL_NOW}, ${SQL_NOW}
    FROM "Task" a WHERE a.id = ${task.id}
    ON CONFLICT ("imageId", stage) DO UPDATE SET status = 'todo', "assigneeId" = EXCLUDED."assigneeId", "leaseExpiresAt" = NULL,
      "batchId" = EXCLUDED."batchId", priority = EXCLUDED.priority, "updatedAt" = EXCLUDED."updatedAt"
    RETURNING ${RETURNED}`;
  // The last hand-in, if no one reviewed it, becomes this review's subject.
  await tx.$executeRaw`
    UPDATE "HandIn" h SET masks = ${liveMasksJsonSql(Prisma.sql`h."imageId"`)}, "scoredAt" = NULL, "reviewSkipped" = false
    WHERE h.id = (SELECT id FROM "HandIn" WHERE "imageId" = ${task.imageId} ORDER BY "createdAt" DESC, id DESC LIMIT 1) AND h."reviewSkipped"`;
  return { annotate: annotate[0]!, review: review[0]! };
}

export async function requestReviews(options: { actor: Actor; projectId: string; imageIds: readonly string[] }): Promise<{ projectId: string; requested: Requested[] }> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "send images to review" });
  const imageIds = [...new Set(options.imageIds)];
  const images = await db().image.findMany({
    where: { projectId, id: { in: imageIds } },
    select: { id: true, fileName: true, tasks: { where: { stage: "annotate" }, select: { id: true, status: true, lastAnnotatorId: true } } },
  });
  if (images.length < imageIds.length) throw new AppError("not_found", `${imageIds.length - images.length} of the selected images are not in this project.`);
  const notAccepted = images.filter((image) => image.tasks[0]?.status !== "accepted");
  if (notAccepted.length > 0) {
    const named = notAccepted.slice(0, 5).map((image) => `${image.fileName} (${(image.tasks[0]?.status ?? "never handed in").replace("_", " ")})`);
    throw new AppError("conflict", `Only accepted images can be sent to review; ${notAccepted.length === 1 ? "this one is not" : `${notAccepted.length} are not`}: ${named.join(", ")}${notAccepted.length > 5 ? ", …" : ""}.`);
  }
  const moved = await db().$transaction(async (tx) => {
    const rows: { annotate: TaskRow; review: TaskRow }[] = [];
    for (const image of images) {
      const task = image.tasks[0]!;
      const row = await moveToReview(tx, { id: task.id, imageId: image.id, lastAnnotatorId: task.lastAnnotatorId });
      // Accepted a moment ago, not any more (someone else sent it): nothing of this request is kept.
      if (!row) throw new AppError("conflict", `${image.fileName} changed meanwhile (it is no longer accepted); nothing was sent. Try again.`);
      await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "review.request", targetType: "task", targetId: row.review.id, data: { imageId: image.id } });
      rows.push(row);
    }
    return rows;
  });
  const requested = moved.map((row) => ({ imageId: row.annotate.imageId, annotate: toTaskSummary(row.annotate), review: toTaskSummary(row.review) }));
  publishTaskChanges({ projectId, tasks: requested.flatMap((entry) => [entry.annotate, entry.review]) });
  return { projectId, requested };
}

/** One image, from its history page (POST /api/images/:id/review-request). */
export async function requestReview(options: { actor: Actor; imageId: string }): Promise<{ annotate: TaskSummary; review: TaskSummary }> {
  const image = await db().image.findUnique({ where: { id: options.imageId }, select: { projectId: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  const { requested } = await requestReviews({ actor: options.actor, projectId: image.projectId, imageIds: [options.imageId] });
  const [only] = requested;
  return { annotate: only!.annotate, review: only!.review };
}
