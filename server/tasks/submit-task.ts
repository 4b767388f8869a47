// "Submit" in the editor: the annotator hands the image in. One SQL statement:
// the annotate task becomes submitted (only while the actor's lease is held
// and live), the image's review task is created or reopened (after a rejection
// the same row is reused, so its review history stays together), the image's
// masks are kept as the hand-in (scored against the accepted masks later,
// server/quality) and the audit event is written — all or nothing, with the
// webhook event. The project's hand-in rules (labels on every mask, a minimum
// count) are checked in the same transaction. A project that reviews only a
// sample (decide-review.ts) has the other hand-ins accepted right here: no
// review task, and a hand-in row marked reviewSkipped with nothing to score.
// With `claimNext` the annotator's next image is claimed right after.
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { claimNextTask, type ClaimResult } from "./claim-next-task";
import { findTaskForActor } from "./find-task-for-actor";
import { leaseLostError } from "./lease-errors";
import { publishTaskChanges } from "./publish-task-changes";
import { SQL_NEW_ID, SQL_NOW } from "./task-sql";
import { toTaskSummary, type TaskRow, type TaskSummary } from "./task-summary";
import { checkHandInRules } from "./check-hand-in-rules";
import { decideReview, type DrawReview } from "./decide-review";
import { queueSubmitEvents } from "./queue-submit-events";
import { liveMasksJsonSql } from "../quality/hand-in-sql";
import { Prisma } from "../db/generated/client";
import { batchReviewerSql } from "../batches/batch-reviewer";
import { startAutoTraining } from "../detector/start-auto-training";

/** `reviewTask` is null when the hand-in was accepted without a review (review sampling). */
export type SubmitResult = { task: TaskSummary; reviewTask: TaskSummary | null; reviewed: boolean; next: ClaimResult | null };

export async function submitTask(options: { actor: Actor; taskId: string; claimNext?: boolean; prefetch?: boolean; batchId?: string; draw?: DrawReview }): Promise<SubmitResult> {
  const { actor, taskId } = options;
  const { task } = await findTaskForActor({ actor, taskId });
  if (task.stage !== "annotate") throw new AppError("bad_request", "A review is finished with accept or reject, not submit.");
  // The statement and the webhook event commit together (or the submit is not made at all).
  const { rows, reviewed } = await db().$transaction(async (tx) => {
    // Read once for both: the hand-in rules and review sampling live in the project's settings.
    const project = await tx.project.findUniqueOrThrow({ where: { id: task.projectId }, select: { settings: true, imageAttributes: true } });
    await checkHandInRules({ tx, projectId: task.projectId, imageId: task.imageId, project });
    const { reviewed } = await decideReview({ tx, projectId: task.projectId, imageId: task.imageId, annotatorId: actor.id, settings: project.settings, draw: options.draw });
    const status = reviewed ? Prisma.sql`'submitted'::"TaskStatus"` : Prisma.sql`'accepted'::"TaskStatus"`;
    // A hand-in no one reviews is never scored: it keeps no copy of the masks.
    const handInMasks = reviewed ? liveMasksJsonSql(Prisma.sql`s."imageId"`) : Prisma.sql`'[]'::jsonb`;
    const written = await tx.$queryRaw<(TaskRow & { kind: "annotate" | "review" })[]>`
    WITH submitted AS (
      UPDATE "Task" SET status = ${status}, "lastAnnotatorId" = ${actor.id}, "submittedAt" = ${SQL_NOW},
        "leaseExpiresAt" = NULL, "skipReason" = NULL, "updatedAt" = ${SQL_NOW}
      WHERE id = ${taskId} AND stage = 'annotate' AND status = 'in_progress' AND "assigneeId" = ${actor.id} AND "leaseExpiresAt" > ${SQL_NOW}
      RETURNING id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId", priority
    ), review AS (
      INSERT INTO "Task" (id, "projectId", "imageId", "batchId", stage, status, "assigneeId", priority, "createdAt", "updatedAt")
      SELECT ${SQL_NEW_ID}, s."projectId", s."imageId", s."batchId", 'review', 'todo', ${batchReviewerSql(Prisma.sql`s."batchId"`, actor.id)}, s.priority, ${SQL_NOW}, ${SQL_NOW}
      FROM submitted s WHERE ${reviewed}::boolean
      ON CONFLICT ("imageId", stage) DO UPDATE SET status = 'todo', "assigneeId" = EXCLUDED."assigneeId", "leaseExpiresAt" = NULL,
        "batchId" = EXCLUDED."batchId", priority = EXCLUDED.priority, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId"
    ), hand_in AS (
      INSERT INTO "HandIn" (id, "projectId", "imageId", "taskId", "annotatorId", masks, "createdAt", "scoredAt", "reviewSkipped")
      SELECT ${SQL_NEW_ID}, s."projectId", s."imageId", s.id, ${actor.id}, ${handInMasks}, ${SQL_NOW}, ${reviewed ? Prisma.sql`NULL` : SQL_NOW}, ${!reviewed}::boolean
      FROM submitted s
      RETURNING id
    ), audit AS (
      INSERT INTO "AuditEvent" (id, "actorId", "projectId", action, "targetType", "targetId", data)
      SELECT ${SQL_NEW_ID}, ${actor.id}, s."projectId", 'task.submit', 'task', s.id,
        jsonb_build_object('imageId', s."imageId", 'stage', 'annotate', 'handInId', (SELECT h.id FROM hand_in h), 'reviewed', ${reviewed}::boolean)
      FROM submitted s
    )
    SELECT 'annotate' AS kind, id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId" FROM submitted
    UNION ALL
    SELECT 'review' AS kind, id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId" FROM review`;
    const annotateRow = written.find((row) => row.kind === "annotate");
    const reviewRow = written.find((row) => row.kind === "review") ?? null;
    if (annotateRow && (reviewRow || !reviewed)) await queueSubmitEvents({ tx, actor, taskId, imageId: task.imageId, projectId: task.projectId, reviewTaskId: reviewRow?.id ?? null });
    return { rows: written, reviewed };
  });
  const submitted = rows.find((row) => row.kind === "annotate");
  const review = rows.find((row) => row.kind === "review");
  if (!submitted || (reviewed && !review)) throw leaseLostError(task, actor.id);
  const strip = ({ kind: _kind, ...row }: TaskRow & { kind: string }) => toTaskSummary(row);
  const result: SubmitResult = { task: strip(submitted), reviewTask: review ? strip(review) : null, reviewed, next: null };
  publishTaskChanges({ projectId: task.projectId, tasks: result.reviewTask ? [result.task, result.reviewTask] : [result.task] });
  // An image accepted at hand-in counts toward automatic detector retraining like one a reviewer accepted.
  if (!reviewed) await startAutoTraining(task.projectId);
  if (options.claimNext) result.next = await claimNextTask({ actor, projectId: task.projectId, input: { stage: "annotate", batchId: options.batchId }, prefetch: options.prefetch });
  return result;
}
