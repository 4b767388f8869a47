// "Submit" in the editor: the annotator hands the image to review. One SQL
// statement: the annotate task becomes submitted (only while the actor's lease
// is held and live), the image's review task is created or reopened (after a
// rejection the same row is reused, so its review history stays together), the
// image's masks are kept as the hand-in (scored against the accepted masks
// later, server/quality) and the audit event is written — all or nothing, with
// the webhook event. The
// project's hand-in rules (labels on every mask, a minimum count) are checked
// in the same transaction. With `claimNext` the
// annotator's next image is claimed right after.
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { claimNextTask, type ClaimResult } from "./claim-next-task";
import { findTaskForActor } from "./find-task-for-actor";
import { leaseLostError } from "./lease-errors";
import { publishTaskChanges } from "./publish-task-changes";
import { SQL_NEW_ID, SQL_NOW } from "./task-sql";
import { toTaskSummary, type TaskRow, type TaskSummary } from "./task-summary";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";
import { checkHandInRules } from "./check-hand-in-rules";
import { webhookImageData, webhookPerson } from "../webhooks/webhook-event-data";
import { liveMasksJsonSql } from "../quality/hand-in-sql";
import { Prisma } from "../db/generated/client";
import { batchReviewerSql } from "../batches/batch-reviewer";

export type SubmitResult = { task: TaskSummary; reviewTask: TaskSummary; next: ClaimResult | null };

export async function submitTask(options: { actor: Actor; taskId: string; claimNext?: boolean; prefetch?: boolean; batchId?: string }): Promise<SubmitResult> {
  const { actor, taskId } = options;
  const { task } = await findTaskForActor({ actor, taskId });
  if (task.stage !== "annotate") throw new AppError("bad_request", "A review is finished with accept or reject, not submit.");
  // The statement and the webhook event commit together (or the submit is not made at all).
  const rows = await db().$transaction(async (tx) => {
    await checkHandInRules({ tx, projectId: task.projectId, imageId: task.imageId });
    const written = await tx.$queryRaw<(TaskRow & { kind: "annotate" | "review" })[]>`
    WITH submitted AS (
      UPDATE "Task" SET status = 'submitted', "lastAnnotatorId" = ${actor.id}, "submittedAt" = ${SQL_NOW},
        "leaseExpiresAt" = NULL, "skipReason" = NULL, "updatedAt" = ${SQL_NOW}
      WHERE id = ${taskId} AND stage = 'annotate' AND status = 'in_progress' AND "assigneeId" = ${actor.id} AND "leaseExpiresAt" > ${SQL_NOW}
      RETURNING id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId", priority
    ), review AS (
      INSERT INTO "Task" (id, "projectId", "imageId", "batchId", stage, status, "assigneeId", priority, "createdAt", "updatedAt")
      SELECT ${SQL_NEW_ID}, s."projectId", s."imageId", s."batchId", 'review', 'todo', ${batchReviewerSql(Prisma.sql`s."batchId"`, actor.id)}, s.priority, ${SQL_NOW}, ${SQL_NOW}
      FROM submitted s
      ON CONFLICT ("imageId", stage) DO UPDATE SET status = 'todo', "assigneeId" = EXCLUDED."assigneeId", "leaseExpiresAt" = NULL,
        "batchId" = EXCLUDED."batchId", priority = EXCLUDED.priority, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId"
    ), hand_in AS (
      INSERT INTO "HandIn" (id, "projectId", "imageId", "taskId", "annotatorId", masks, "createdAt")
      SELECT ${SQL_NEW_ID}, s."projectId", s."imageId", s.id, ${actor.id}, ${liveMasksJsonSql(Prisma.sql`s."imageId"`)}, ${SQL_NOW}
      FROM submitted s
      RETURNING id
    ), audit AS (
      INSERT INTO "AuditEvent" (id, "actorId", "projectId", action, "targetType", "targetId", data)
      SELECT ${SQL_NEW_ID}, ${actor.id}, s."projectId", 'task.submit', 'task', s.id,
        jsonb_build_object('imageId', s."imageId", 'stage', 'annotate', 'handInId', (SELECT h.id FROM hand_in h))
      FROM submitted s
    )
    SELECT 'annotate' AS kind, id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId" FROM submitted
    UNION ALL
    SELECT 'review' AS kind, id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId" FROM review`;
    const reviewRow = written.find((row) => row.kind === "review");
    if (reviewRow && written.some((row) => row.kind === "annotate")) {
      await queueWebhookEvent({ tx, projectId: task.projectId, event: "task.submitted", data: async () => ({ taskId, reviewTaskId: reviewRow.id, image: await webhookImageData({ imageId: task.imageId, tx }), annotator: webhookPerson(actor) }) });
    }
    return written;
  });
  const submitted = rows.find((row) => row.kind === "annotate");
  const review = rows.find((row) => row.kind === "review");
  if (!submitted || !review) throw leaseLostError(task, actor.id);
  const strip = ({ kind: _kind, ...row }: TaskRow & { kind: string }) => toTaskSummary(row);
  const result: SubmitResult = { task: strip(submitted), reviewTask: strip(review), next: null };
  publishTaskChanges({ projectId: task.projectId, tasks: [result.task, result.reviewTask] });
  if (options.claimNext) result.next = await claimNextTask({ actor, projectId: task.projectId, input: { stage: "annotate", batchId: options.batchId }, prefetch: options.prefetch });
  return result;
}
