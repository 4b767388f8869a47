// "Start labeling" / "Start reviewing": hand the actor the next image of
// their queue under a lease. One SQL statement: it resumes the task the actor
// already holds in this queue, or locks the best open task with
// FOR UPDATE SKIP LOCKED (concurrent claimers never wait on, or get, the same
// row), marks it in_progress with a lease and writes the audit event.
import { AppError } from "../errors/app-error";
import { claimTaskInput, type ClaimTaskInput } from "@/lib/schemas/tasks";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { prefetchNextEmbeddings } from "./prefetch-next-embeddings";
import { publishTaskChanges } from "./publish-task-changes";
import { STAGE_ROLES, STAGE_VERB } from "./stage-roles";
import { leaseExpirySql, SQL_NEW_ID, SQL_NOW } from "./task-sql";
import { toTaskSummary, type TaskRow, type TaskSummary } from "./task-summary";

export type ClaimResult = { task: TaskSummary; resumed: boolean } | { task: null; resumed: false };

type ClaimedRow = TaskRow & { resumed: boolean };

/**
 * The claim statement. Queue order: tasks assigned to the actor first (rework
 * after a rejection before new work), then the pool; within each, batch
 * priority, the batch due soonest (overdue first; no due day last), task
 * priority, age. Only tasks in a batch are queued: cutting a
 * batch is how a manager releases work. An in_progress task whose lease ran
 * out counts as pool work. Reviewers never get an image they annotated.
 */
function claimSql(options: { actorId: string; projectId: string; stage: "annotate" | "review"; batchId?: string }): Prisma.Sql {
  const { actorId, projectId, stage } = options;
  const inBatch = options.batchId ? Prisma.sql`AND t."batchId" = ${options.batchId}` : Prisma.empty;
  // "rejected" is open work only for labeling (rework); a rejected review is finished.
  const openStatuses = stage === "annotate" ? Prisma.sql`('todo', 'rejected')` : Prisma.sql`('todo')`;
  const notOwnWork =
    stage === "review"
      ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Task" a WHERE a."imageId" = t."imageId" AND a.stage = 'annotate' AND a."lastAnnotatorId" = ${actorId})`
      : Prisma.empty;
  return Prisma.sql`
    WITH held AS (
      SELECT t.id FROM "Task" t
      WHERE t."projectId" = ${projectId} AND t.stage = ${stage}::"TaskStage" AND t.status = 'in_progress'
        AND t."assigneeId" = ${actorId} AND t."leaseExpiresAt" > ${SQL_NOW}
      ORDER BY t."leaseExpiresAt" DESC
      LIMIT 1
    ), candidate AS (
      SELECT t.id FROM "Task" t
      JOIN "Batch" b ON b.id = t."batchId"
      WHERE NOT EXISTS (SELECT 1 FROM held)
        AND t."projectId" = ${projectId} AND t.stage = ${stage}::"TaskStage"
        AND (
          (t.status IN ${openStatuses} AND (t."assigneeId" IS NULL OR t."assigneeId" = ${actorId}))
          OR (t.status = 'in_progress' AND t."leaseExpiresAt" <= ${SQL_NOW})
        )
        ${notOwnWork}
        ${inBatch}
      ORDER BY (t."assigneeId" IS NOT DISTINCT FROM ${actorId}) DESC,
        (t.status = 'rejected') DESC, b.priority DESC, b."dueOn" ASC NULLS LAST, t.priority DESC, t."createdAt" ASC, t.id ASC
      LIMIT 1
      FOR UPDATE OF t SKIP LOCKED
    ), target AS (
      SELECT id, true AS resumed FROM held
      UNION ALL
      SELECT id, false AS resumed FROM candidate
    ), claimed AS (
      UPDATE "Task" t SET
        status = 'in_progress',
        "assigneeId" = ${actorId},
        "leaseExpiresAt" = ${leaseExpirySql()},
        "heartbeatAt" = ${SQL_NOW},
        attempts = t.attempts + CASE WHEN target.resumed THEN 0 ELSE 1 END,
        "updatedAt" = ${SQL_NOW}
      FROM target
      WHERE t.id = target.id
        -- Re-checked on the locked row version: never take a live lease from someone else.
        AND (t.status IN ${openStatuses} OR (t.status = 'in_progress' AND (t."assigneeId" = ${actorId} OR t."leaseExpiresAt" <= ${SQL_NOW})))
      RETURNING t.id, t."projectId", t."imageId", t."batchId", t.stage, t.status, t."assigneeId", t."leaseExpiresAt", t."lastAnnotatorId", target.resumed
    ), audit AS (
      INSERT INTO "AuditEvent" (id, "actorId", "projectId", action, "targetType", "targetId", data)
      SELECT ${SQL_NEW_ID}, ${actorId}, c."projectId", 'task.claim', 'task', c.id,
        jsonb_build_object('imageId', c."imageId", 'stage', c.stage::text)
      FROM claimed c WHERE NOT c.resumed
    )
    SELECT * FROM claimed`;
}

export async function claimNextTask(options: { actor: Actor; projectId: string; input?: ClaimTaskInput; prefetch?: boolean }): Promise<ClaimResult> {
  const { actor, projectId } = options;
  const { stage, batchId } = claimTaskInput.parse(options.input ?? {});
  await requireProjectAccess({ actor, projectId, roles: STAGE_ROLES[stage], action: STAGE_VERB[stage] });
  if (batchId && (await db().batch.count({ where: { id: batchId, projectId } })) === 0) throw new AppError("not_found", "No such batch in this project.");
  const rows = await db().$queryRaw<ClaimedRow[]>(claimSql({ actorId: actor.id, projectId, stage, batchId }));
  const row = rows[0];
  if (!row) return { task: null, resumed: false };
  const { resumed, ...taskRow } = row;
  const task = toTaskSummary(taskRow);
  if (!resumed) publishTaskChanges({ projectId, tasks: [task] });
  if (options.prefetch !== false && stage === "annotate") {
    // After the commit and off the response path: a slow queue never delays the editor.
    void prefetchNextEmbeddings({ projectId, actorId: actor.id, currentImageId: task.imageId }).catch((error: unknown) => {
      console.error("[tasks] embedding prefetch failed", error instanceof Error ? error.message : error);
    });
  }
  return { task, resumed };
}
