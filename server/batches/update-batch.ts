// Rename a batch or change its priority; the queue order follows at once
// (claims read the batch priority).
import { updateBatchInput } from "@/lib/schemas/tasks";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { publishBatchChanged } from "../tasks/publish-task-changes";

export async function updateBatch(options: { actor: Actor; projectId: string; batchId: string; input: z.input<typeof updateBatchInput> }) {
  const { actor, projectId, batchId } = options;
  const input = updateBatchInput.parse(options.input);
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "change batches" });
  const batch = await db().$transaction(async (tx) => {
    const updated = await tx.batch.updateMany({ where: { id: batchId, projectId }, data: input });
    if (updated.count === 0) throw new AppError("not_found", "Batch not found.");
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "batch.update", targetType: "batch", targetId: batchId, data: input });
    return tx.batch.findUniqueOrThrow({ where: { id: batchId }, select: { id: true, name: true, priority: true } });
  });
  publishBatchChanged({ projectId, batchId });
  return batch;
}
