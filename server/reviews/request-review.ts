// A manager sends an accepted image (back) to review: the spot check that
// review sampling leaves room for, or a second look at one already reviewed.
// In one transaction the annotate task returns to "submitted", the image's
// review task waits again (for the batch's reviewer, else the pool; never the
// person who labelled it), and a hand-in accepted without review gets the
// image's current masks as its snapshot, so the review scores it like any other.
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

export async function requestReview(options: { actor: Actor; imageId: string }): Promise<{ annotate: TaskSummary; review: TaskSummary }> {
  const { actor, imageId } = options;
  const image = await db().image.findUnique({ where: { id: imageId }, select: { projectId: true, tasks: { where: { stage: "annotate" }, select: { id: true, status: true, lastAnnotatorId: true } } } });
  if (!image) throw new AppError("not_found", "Image not found.");
  await requireProjectAccess({ actor, projectId: image.projectId, roles: ["manager"], action: "send images to review" });
  const annotateTask = image.tasks[0];
  if (!annotateTask) throw new AppError("conflict", "This image has no annotate task: it was never handed in.");
  const annotatorId = annotateTask.lastAnnotatorId ?? "";
  const rows = await db().$transaction(async (tx) => {
    const annotate = await tx.$queryRaw<TaskRow[]>`
      UPDATE "Task" SET status = 'submitted', "updatedAt" = ${SQL_NOW}
      WHERE id = ${annotateTask.id} AND status = 'accepted'
      RETURNING ${RETURNED}`;
    if (annotate.length === 0) {
      const now = await tx.task.findUniqueOrThrow({ where: { id: annotateTask.id }, select: { status: true } });
      throw new AppError("conflict", `Only an accepted image can be sent to review; this one is ${now.status.replace("_", " ")}.`);
    }
    const review = await tx.$queryRaw<TaskRow[]>`
      INSERT INTO "Task" (id, "projectId", "imageId", "batchId", stage, status, "assigneeId", priority, "createdAt", "updatedAt")
      SELECT ${SQL_NEW_ID}, a."projectId", a."imageId", a."batchId", 'review', 'todo', ${batchReviewerSql(Prisma.sql`a."batchId"`, annotatorId)}, a.priority, ${SQL_NOW}, ${SQL_NOW}
      FROM "Task" a WHERE a.id = ${annotateTask.id}
      ON CONFLICT ("imageId", stage) DO UPDATE SET status = 'todo', "assigneeId" = EXCLUDED."assigneeId", "leaseExpiresAt" = NULL,
        "batchId" = EXCLUDED."batchId", priority = EXCLUDED.priority, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING ${RETURNED}`;
    // The last hand-in, if no one reviewed it, becomes this review's subject.
    await tx.$executeRaw`
      UPDATE "HandIn" h SET masks = ${liveMasksJsonSql(Prisma.sql`h."imageId"`)}, "scoredAt" = NULL, "reviewSkipped" = false
      WHERE h.id = (SELECT id FROM "HandIn" WHERE "imageId" = ${imageId} ORDER BY "createdAt" DESC, id DESC LIMIT 1) AND h."reviewSkipped"`;
    await recordAuditEvent({ tx, actorId: actor.id, projectId: image.projectId, action: "review.request", targetType: "task", targetId: review[0]!.id, data: { imageId } });
    return { annotate: annotate[0]!, review: review[0]! };
  });
  const result = { annotate: toTaskSummary(rows.annotate), review: toTaskSummary(rows.review) };
  publishTaskChanges({ projectId: image.projectId, tasks: [result.annotate, result.review] });
  return result;
}
