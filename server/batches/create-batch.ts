// A manager cuts a batch: picks unbatched images, gives the batch a priority
// and deals its tasks to annotators round-robin, or leaves them in the
// project pool. Everyone concerned hears about it after the commit.
import { createBatchInput, type CreateBatchInput } from "@/lib/schemas/tasks";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { publishAssignments, publishBatchChanged } from "../tasks/publish-task-changes";
import { dueOnFromInput } from "./batch-due-date";
import { requireBatchReviewers } from "./batch-reviewer";
import { requireAssignableMembers } from "./require-assignable-members";
import { selectUnbatchedTasks } from "./select-unbatched-tasks";

export type CreatedBatch = {
  batch: { id: string; name: string; priority: number };
  taskCount: number;
  assigned: Record<string, number>;
  // Requested images that were already in a batch, done, or not in this project.
  skippedImageIds: string[];
};

export async function createBatch(options: { actor: Actor; projectId: string; input: CreateBatchInput; now?: Date }): Promise<CreatedBatch> {
  const { actor, projectId } = options;
  const input = createBatchInput.parse(options.input);
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "cut batches" });
  const assignees = [...new Set(input.assigneeIds)];
  const dueOn = dueOnFromInput(input.dueOn, options.now);
  await requireAssignableMembers({ projectId, userIds: assignees });

  const result = await db().$transaction(async (tx) => {
    await requireBatchReviewers({ tx, projectId, reviewerIds: input.reviewerIds });
    const tasks = await selectUnbatchedTasks({ tx, projectId, selection: input.selection });
    if (tasks.length === 0) throw new AppError("bad_request", "No images match: every matching image is already in a batch (or there are none yet).");
    const batch = await tx.batch.create({ data: { projectId, name: input.name, priority: input.priority, createdById: actor.id, reviewerIds: input.reviewerIds, dueOn }, select: { id: true, name: true, priority: true } });
    const shares = new Map<string | null, string[]>();
    tasks.forEach((task, index) => {
      const assignee = assignees.length === 0 ? null : (assignees[index % assignees.length] ?? null);
      const share = shares.get(assignee) ?? [];
      share.push(task.id);
      shares.set(assignee, share);
    });
    for (const [assigneeId, ids] of shares) {
      await tx.task.updateMany({ where: { id: { in: ids }, batchId: null, status: "todo" }, data: { batchId: batch.id, assigneeId } });
    }
    const assigned: Record<string, number> = {};
    for (const [assigneeId, ids] of shares) if (assigneeId) assigned[assigneeId] = ids.length;
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "batch.create", targetType: "batch", targetId: batch.id, data: { name: batch.name, priority: batch.priority, taskCount: tasks.length, assigned, selection: input.selection.kind, reviewerIds: input.reviewerIds, dueOn: input.dueOn } });
    const picked = new Set(tasks.map((task) => task.imageId));
    const skippedImageIds = input.selection.kind === "images" ? input.selection.imageIds.filter((imageId) => !picked.has(imageId)) : [];
    return { batch, taskCount: tasks.length, assigned, skippedImageIds };
  });
  publishBatchChanged({ projectId, batchId: result.batch.id });
  publishAssignments({ projectId, batchId: result.batch.id, countsByUser: new Map(Object.entries(result.assigned)) });
  return result;
}
