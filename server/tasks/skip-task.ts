// "Skip" in the editor, with a reason (blurry, no objects of interest, wrong
// project...). The image leaves the queues until a manager reassigns it, so
// it is not handed to the next person who would skip it too.
import { skipTaskInput } from "@/lib/schemas/tasks";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { claimNextTask, type ClaimResult } from "./claim-next-task";
import { findTaskForActor } from "./find-task-for-actor";
import { leaseLostError } from "./lease-errors";
import { publishTaskChanges } from "./publish-task-changes";
import { SQL_NOW } from "./task-sql";
import { TASK_ROW_SELECT, toTaskSummary, type TaskSummary } from "./task-summary";

export async function skipTask(options: {
  actor: Actor;
  taskId: string;
  input: z.input<typeof skipTaskInput>;
  claimNext?: boolean;
  /** Claim the next image from this batch only. */
  batchId?: string;
}): Promise<{ task: TaskSummary; next: ClaimResult | null }> {
  const { actor, taskId } = options;
  const { reason } = skipTaskInput.parse(options.input);
  const { task } = await findTaskForActor({ actor, taskId });
  if (task.stage !== "annotate") throw new AppError("bad_request", "Only images being labeled can be skipped; a review is accepted or rejected.");
  const skipped = await db().$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE "Task" SET status = 'skipped', "skipReason" = ${reason}, "leaseExpiresAt" = NULL, "updatedAt" = ${SQL_NOW}
      WHERE id = ${taskId} AND status = 'in_progress' AND "assigneeId" = ${actor.id} AND "leaseExpiresAt" > ${SQL_NOW}`;
    if (updated === 0) throw leaseLostError(task, actor.id);
    await recordAuditEvent({ tx, actorId: actor.id, projectId: task.projectId, action: "task.skip", targetType: "task", targetId: taskId, data: { imageId: task.imageId, reason } });
    return tx.task.findUniqueOrThrow({ where: { id: taskId }, select: TASK_ROW_SELECT });
  });
  const summary = toTaskSummary(skipped);
  publishTaskChanges({ projectId: task.projectId, tasks: [summary] });
  const next = options.claimNext ? await claimNextTask({ actor, projectId: task.projectId, input: { stage: "annotate", batchId: options.batchId } }) : null;
  return { task: summary, next };
}
