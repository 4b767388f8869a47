// Rename a batch, change its priority (the queue order follows at once: claims
// read the batch priority), its reviewers (its waiting reviews are dealt out to
// them again) or its due date.
import { updateBatchInput } from "@/lib/schemas/tasks";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { publishBatchChanged, publishTaskChanges } from "../tasks/publish-task-changes";
import { dueOnFromInput, dueOnText } from "./batch-due-date";
import { reassignWaitingReviews, requireBatchReviewers } from "./batch-reviewer";

export async function updateBatch(options: { actor: Actor; projectId: string; batchId: string; input: z.input<typeof updateBatchInput>; now?: Date }) {
  const { actor, projectId, batchId } = options;
  const { dueOn, ...input } = updateBatchInput.parse(options.input);
  const dueOnChange = dueOn === undefined ? {} : { dueOn: dueOnFromInput(dueOn, options.now) };
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "change batches" });
  const { batch, moved } = await db().$transaction(async (tx) => {
    if (input.reviewerIds) await requireBatchReviewers({ tx, projectId, reviewerIds: input.reviewerIds });
    const updated = await tx.batch.updateMany({ where: { id: batchId, projectId }, data: { ...input, ...dueOnChange } });
    if (updated.count === 0) throw new AppError("not_found", "Batch not found.");
    const moved = input.reviewerIds === undefined ? [] : await reassignWaitingReviews({ tx, batchId, reviewerIds: input.reviewerIds });
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "batch.update", targetType: "batch", targetId: batchId, data: { ...input, ...(dueOn === undefined ? {} : { dueOn }), reviewsMoved: moved.length } });
    const row = await tx.batch.findUniqueOrThrow({ where: { id: batchId }, select: { id: true, name: true, priority: true, reviewerIds: true, dueOn: true } });
    return { batch: { ...row, dueOn: dueOnText(row.dueOn) }, moved };
  });
  publishBatchChanged({ projectId, batchId });
  if (moved.length > 0) publishTaskChanges({ projectId, tasks: moved });
  return batch;
}
