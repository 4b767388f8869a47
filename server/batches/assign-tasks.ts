// Reassign or unassign open work: a whole batch, one annotator's share of a
// batch (`fromUserId`; null = the pool's share) or listed tasks. Only tasks
// nobody is working on move: todo, rejected (rework keeps its comments) and
// skipped (which re-enters the queue). Images being labeled right now, or
// already submitted, stay where they are and are counted in the answer.
import { assignTasksInput, type AssignTasksInput } from "@/lib/schemas/tasks";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { publishAssignments, publishBatchChanged } from "../tasks/publish-task-changes";
import { requireAssignableMembers } from "./require-assignable-members";

export type AssignTasksResult = { moved: number; notMovable: number };

export async function assignTasks(options: { actor: Actor; projectId: string; input: AssignTasksInput }): Promise<AssignTasksResult> {
  const { actor, projectId } = options;
  const input = assignTasksInput.parse(options.input);
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "assign work" });
  if (input.assigneeId) await requireAssignableMembers({ projectId, userIds: [input.assigneeId] });
  if (input.batchId) {
    const batch = await db().batch.findFirst({ where: { id: input.batchId, projectId }, select: { id: true } });
    if (!batch) throw new AppError("not_found", "Batch not found.");
  }
  const scope: Prisma.TaskWhereInput = {
    projectId,
    stage: "annotate",
    batchId: input.batchId ?? { not: null },
    ...(input.taskIds ? { id: { in: input.taskIds } } : {}),
    ...(input.fromUserId !== undefined ? { assigneeId: input.fromUserId } : {}),
  };
  const result = await db().$transaction(async (tx) => {
    const matching = await tx.task.findMany({ where: scope, select: { id: true, status: true, batchId: true } });
    if (input.taskIds && matching.length < new Set(input.taskIds).size) throw new AppError("bad_request", "Some of those tasks are not annotate tasks in a batch of this project.");
    const movable = matching.filter((task) => task.status === "todo" || task.status === "rejected" || task.status === "skipped");
    const ids = movable.map((task) => task.id);
    // Status conditions again in the UPDATE: a claim may have landed since the read.
    await tx.task.updateMany({ where: { id: { in: ids }, status: "skipped" }, data: { status: "todo", skipReason: null } });
    const moved = await tx.task.updateMany({ where: { id: { in: ids }, status: { in: ["todo", "rejected"] } }, data: { assigneeId: input.assigneeId } });
    const total = moved.count;
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: input.assigneeId ? "tasks.assign" : "tasks.unassign", targetType: "batch", targetId: input.batchId ?? null, data: { assigneeId: input.assigneeId, fromUserId: input.fromUserId ?? null, moved: total, taskIds: input.taskIds ?? null } });
    return { moved: total, notMovable: matching.length - total, batchIds: [...new Set(movable.map((task) => task.batchId).filter((id): id is string => id !== null))] };
  });
  for (const batchId of result.batchIds) publishBatchChanged({ projectId, batchId });
  if (input.assigneeId) publishAssignments({ projectId, batchId: input.batchId ?? null, countsByUser: new Map([[input.assigneeId, result.moved]]) });
  return { moved: result.moved, notMovable: result.notMovable };
}
