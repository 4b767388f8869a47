// A batch's reviewers (CVAT's job reviewer, several allowed): its hand-ins go
// to their review queues, not to every reviewer's, each to the one with the
// fewest open reviews in the project. The list is re-checked against the
// membership whenever it is used, so a reviewer who left the project, was
// deactivated or lost the role no longer gets work (with none left, the work
// goes to the pool instead of getting stuck); and nobody is given an image
// they labelled themselves.
import type { Prisma } from "../db/generated/client";
import { Prisma as PrismaSql } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { TaskChange } from "../tasks/publish-task-changes";
import { SQL_NOW } from "../tasks/task-sql";

/** The review task's assignee for a hand-in by annotatorId in the batch: its least-loaded reviewer who may review it, else null (the pool). */
export function batchReviewerSql(batchId: PrismaSql.Sql, annotatorId: string): PrismaSql.Sql {
  return PrismaSql.sql`(
    SELECT m."userId" FROM "Batch" b
    JOIN "Membership" m ON m."projectId" = b."projectId" AND m."userId" = ANY(b."reviewerIds") AND m.role IN ('reviewer', 'manager')
    JOIN "user" u ON u.id = m."userId" AND u.active
    WHERE b.id = ${batchId} AND m."userId" <> ${annotatorId}
    ORDER BY (
      SELECT count(*) FROM "Task" open
      WHERE open."projectId" = b."projectId" AND open.stage = 'review' AND open."assigneeId" = m."userId" AND open.status IN ('todo', 'in_progress')
    ), m."userId"
    LIMIT 1)`;
}

/** Refuses anyone but active reviewers or managers of the project, naming the first who is not. */
export async function requireBatchReviewers(options: { tx: Prisma.TransactionClient; projectId: string; reviewerIds: readonly string[] }): Promise<void> {
  if (options.reviewerIds.length === 0) return;
  const members = await options.tx.membership.findMany({
    where: { projectId: options.projectId, userId: { in: [...options.reviewerIds] } },
    select: { userId: true, role: true, user: { select: { name: true, active: true } } },
  });
  for (const reviewerId of options.reviewerIds) {
    const member = members.find((candidate) => candidate.userId === reviewerId);
    if (!member || !member.user.active) throw new AppError("bad_request", "Every reviewer must be an active member of this project.");
    if (member.role === "annotator") throw new AppError("bad_request", `${member.user.name} is an annotator here; only reviewers and managers can review a batch.`);
  }
}

/**
 * Deals the batch's waiting reviews out to its reviewers in turn (never to the
 * image's own annotator), or back to the pool when it has none; reviews in
 * progress keep their holder.
 */
export async function reassignWaitingReviews(options: { tx: Prisma.TransactionClient; batchId: string; reviewerIds: readonly string[] }): Promise<TaskChange[]> {
  const { tx, batchId } = options;
  const ids = [...options.reviewerIds];
  const count = ids.length;
  const nth = (offset: number) => PrismaSql.sql`(${ids}::text[])[((w.n + ${offset}) % ${count}) + 1]`;
  const assignee =
    count === 0
      ? PrismaSql.sql`NULL`
      : PrismaSql.sql`CASE WHEN ${nth(0)} IS DISTINCT FROM w.annotator THEN ${nth(0)} WHEN ${count} > 1 THEN ${nth(1)} ELSE NULL END`;
  return tx.$queryRaw<TaskChange[]>`
    WITH w AS (
      SELECT t.id, a."lastAnnotatorId" AS annotator, row_number() OVER (ORDER BY t."createdAt", t.id) - 1 AS n
      FROM "Task" t JOIN "Task" a ON a."imageId" = t."imageId" AND a.stage = 'annotate'
      WHERE t."batchId" = ${batchId} AND t.stage = 'review' AND t.status = 'todo'
    )
    UPDATE "Task" t SET "assigneeId" = ${assignee}, "updatedAt" = ${SQL_NOW}
    FROM w WHERE t.id = w.id
    RETURNING t.id, t."projectId", t."imageId", t."batchId", t.stage, t.status, t."assigneeId"`;
}
