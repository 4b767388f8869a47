// What an annotator or reviewer sees before pressing "Start": how much work
// waits for them, and the image they hold right now (to resume it).
import type { Actor } from "../auth/actor";
import { canManage, requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { SQL_NOW } from "./task-sql";
import { toTaskSummary, type TaskRow, type TaskSummary } from "./task-summary";

export type QueueSummary = {
  projectId: string;
  canAnnotate: boolean;
  canReview: boolean;
  annotate: { assignedToMe: number; reworkForMe: number; pool: number; held: TaskSummary | null };
  review: { waiting: number; held: TaskSummary | null };
  /** Batches with work this person could take now, highest priority first: the queue's "by batch" list. */
  batches: { id: string; name: string; priority: number; dueOn: string | null; annotateOpen: number; reviewOpen: number }[];
};

type BatchCounts = { id: string; name: string; priority: number; due_on: string | null; annotate_open: bigint; review_open: bigint };

type Counts = { assigned: bigint; rework: bigint; pool: bigint; review_waiting: bigint };

export async function getQueueSummary(options: { actor: Actor; projectId: string }): Promise<QueueSummary> {
  const { actor, projectId } = options;
  const access = await requireProjectAccess({ actor, projectId });
  const manager = canManage(access);
  const [counts, held, batches] = await Promise.all([
    db().$queryRaw<Counts[]>`
      SELECT
        count(*) FILTER (WHERE t.stage = 'annotate' AND t.status IN ('todo', 'rejected') AND t."assigneeId" = ${actor.id}) AS assigned,
        count(*) FILTER (WHERE t.stage = 'annotate' AND t.status = 'rejected' AND t."assigneeId" = ${actor.id}) AS rework,
        count(*) FILTER (WHERE t.stage = 'annotate' AND ((t.status = 'todo' AND t."assigneeId" IS NULL) OR (t.status = 'in_progress' AND t."leaseExpiresAt" <= ${SQL_NOW}))) AS pool,
        count(*) FILTER (WHERE t.stage = 'review' AND ((t.status = 'todo' AND (t."assigneeId" IS NULL OR t."assigneeId" = ${actor.id})) OR (t.status = 'in_progress' AND t."leaseExpiresAt" <= ${SQL_NOW}))
          AND NOT EXISTS (SELECT 1 FROM "Task" a WHERE a."imageId" = t."imageId" AND a.stage = 'annotate' AND a."lastAnnotatorId" = ${actor.id})) AS review_waiting
      FROM "Task" t
      WHERE t."projectId" = ${projectId} AND t."batchId" IS NOT NULL`,
    db().$queryRaw<TaskRow[]>`
      SELECT id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId" FROM "Task"
      WHERE "projectId" = ${projectId} AND status = 'in_progress' AND "assigneeId" = ${actor.id} AND "leaseExpiresAt" > ${SQL_NOW}`,
    // The same conditions as the claim statement (claim-next-task.ts), per batch.
    db().$queryRaw<BatchCounts[]>`
      SELECT b.id, b.name, b.priority, to_char(b."dueOn", 'YYYY-MM-DD') AS due_on,
        count(*) FILTER (WHERE t.stage = 'annotate' AND (
          (t.status IN ('todo', 'rejected') AND (t."assigneeId" IS NULL OR t."assigneeId" = ${actor.id}))
          OR (t.status = 'in_progress' AND t."leaseExpiresAt" <= ${SQL_NOW}))) AS annotate_open,
        count(*) FILTER (WHERE t.stage = 'review' AND ((t.status = 'todo' AND (t."assigneeId" IS NULL OR t."assigneeId" = ${actor.id})) OR (t.status = 'in_progress' AND t."leaseExpiresAt" <= ${SQL_NOW}))
          AND NOT EXISTS (SELECT 1 FROM "Task" a WHERE a."imageId" = t."imageId" AND a.stage = 'annotate' AND a."lastAnnotatorId" = ${actor.id})) AS review_open
      FROM "Batch" b JOIN "Task" t ON t."batchId" = b.id
      WHERE b."projectId" = ${projectId}
      GROUP BY b.id, b.name, b.priority, b."dueOn", b."createdAt"
      ORDER BY b.priority DESC, b."dueOn" ASC NULLS LAST, b."createdAt" ASC`,
  ]);
  const row = counts[0];
  const heldOf = (stage: string) => {
    const task = held.find((candidate) => candidate.stage === stage);
    return task ? toTaskSummary(task) : null;
  };
  const canAnnotate = manager || access.role === "annotator";
  const canReview = manager || access.role === "reviewer";
  return {
    projectId,
    canAnnotate,
    canReview,
    annotate: { assignedToMe: Number(row?.assigned ?? 0), reworkForMe: Number(row?.rework ?? 0), pool: Number(row?.pool ?? 0), held: heldOf("annotate") },
    review: { waiting: Number(row?.review_waiting ?? 0), held: heldOf("review") },
    batches: batches
      .map((batch) => ({
        id: batch.id,
        name: batch.name,
        priority: batch.priority,
        dueOn: batch.due_on,
        annotateOpen: Number(batch.annotate_open),
        reviewOpen: Number(batch.review_open),
      }))
      .filter((batch) => (canAnnotate && batch.annotateOpen > 0) || (canReview && batch.reviewOpen > 0)),
  };
}
