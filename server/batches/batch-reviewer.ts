// A batch's reviewer (CVAT's job reviewer): its hand-ins go to that person's
// review queue, not to every reviewer's. The assignment is re-checked against
// the membership whenever it is used, so a reviewer who left the project, was
// deactivated or lost the role sends the work back to the pool instead of
// leaving it stuck; and nobody is given an image they labelled themselves.
import type { Prisma } from "../db/generated/client";
import { Prisma as PrismaSql } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { TaskChange } from "../tasks/publish-task-changes";
import { SQL_NOW } from "../tasks/task-sql";

/** The review task's assignee for a hand-in by annotatorId in the batch: its reviewer while they may review it, else null (the pool). */
export function batchReviewerSql(batchId: PrismaSql.Sql, annotatorId: string): PrismaSql.Sql {
  return PrismaSql.sql`(
    SELECT b."reviewerId" FROM "Batch" b
    JOIN "Membership" m ON m."projectId" = b."projectId" AND m."userId" = b."reviewerId" AND m.role IN ('reviewer', 'manager')
    JOIN "user" u ON u.id = b."reviewerId" AND u.active
    WHERE b.id = ${batchId} AND b."reviewerId" <> ${annotatorId})`;
}

/** Refuses anyone but an active reviewer or manager of the project, naming them. */
export async function requireBatchReviewer(options: { tx: Prisma.TransactionClient; projectId: string; reviewerId: string }): Promise<void> {
  const member = await options.tx.membership.findUnique({
    where: { projectId_userId: { projectId: options.projectId, userId: options.reviewerId } },
    select: { role: true, user: { select: { name: true, active: true } } },
  });
  if (!member || !member.user.active) throw new AppError("bad_request", "The reviewer must be an active member of this project.");
  if (member.role === "annotator") throw new AppError("bad_request", `${member.user.name} is an annotator here; only reviewers and managers can review a batch.`);
}

/** Points the batch's waiting reviews at its (new) reviewer, or back to the pool; reviews in progress keep their holder. */
export async function reassignWaitingReviews(options: { tx: Prisma.TransactionClient; batchId: string; reviewerId: string | null }): Promise<TaskChange[]> {
  const { tx, batchId, reviewerId } = options;
  return tx.$queryRaw<TaskChange[]>`
    UPDATE "Task" t SET "assigneeId" = CASE WHEN a."lastAnnotatorId" IS NOT DISTINCT FROM ${reviewerId} THEN NULL ELSE ${reviewerId} END,
      "updatedAt" = ${SQL_NOW}
    FROM "Task" a
    WHERE t."batchId" = ${batchId} AND t.stage = 'review' AND t.status = 'todo'
      AND a."imageId" = t."imageId" AND a.stage = 'annotate'
    RETURNING t.id, t."projectId", t."imageId", t."batchId", t.stage, t.status, t."assigneeId"`;
}
