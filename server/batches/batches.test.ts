// Cutting batches, assigning and reassigning work, per-batch progress.
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "../db/client";
import { claimNextTask } from "../tasks/claim-next-task";
import { skipTask } from "../tasks/skip-task";
import { createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { assignTasks } from "./assign-tasks";
import { createBatch } from "./create-batch";
import { listBatches } from "./list-batches";
import { listBatchTasks } from "./list-batch-tasks";
import { updateBatch } from "./update-batch";

async function setup(images: number) {
  const [manager] = await createFastUsers("manager", 1);
  const [a, b] = await createFastUsers("annotator", 2);
  const [reviewer] = await createFastUsers("reviewer", 1);
  const { project, imageIds } = await createQueueProject({
    members: [
      { actor: manager!, role: "manager" },
      { actor: a!, role: "annotator" },
      { actor: b!, role: "annotator" },
      { actor: reviewer!, role: "reviewer" },
    ],
    images,
  });
  return { manager: manager!, a: a!, b: b!, reviewer: reviewer!, projectId: project.id, imageIds };
}

describe("batches", () => {
  it("cuts the first N unbatched images and deals them round-robin", async () => {
    const { manager, a, b, projectId, imageIds } = await setup(7);
    const created = await createBatch({ actor: manager, projectId, input: { name: "Week 1", priority: 2, selection: { kind: "first_unassigned", count: 5 }, assigneeIds: [a.id, b.id] } });
    expect(created.taskCount).toBe(5);
    expect(created.assigned).toEqual({ [a.id]: 3, [b.id]: 2 });
    const tasks = await db().task.findMany({ where: { batchId: created.batch.id }, select: { imageId: true } });
    expect(new Set(tasks.map((task) => task.imageId))).toEqual(new Set(imageIds.slice(0, 5)));
    // The next cut takes only what is left.
    const rest = await createBatch({ actor: manager, projectId, input: { name: "Rest", selection: { kind: "first_unassigned", count: 100 } } });
    expect(rest.taskCount).toBe(2);
    expect(rest.assigned).toEqual({});
    await expect(createBatch({ actor: manager, projectId, input: { name: "Empty", selection: { kind: "first_unassigned", count: 1 } } })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("cuts selected images and by filter; reports images already batched", async () => {
    const { manager, projectId, imageIds } = await setup(5);
    const first = await createBatch({ actor: manager, projectId, input: { name: "Picked", selection: { kind: "images", imageIds: [imageIds[1]!, imageIds[3]!] } } });
    expect(first.taskCount).toBe(2);
    const again = await createBatch({ actor: manager, projectId, input: { name: "Again", selection: { kind: "images", imageIds: [imageIds[1]!, imageIds[4]!] } } });
    expect(again.taskCount).toBe(1);
    expect(again.skippedImageIds).toEqual([imageIds[1]]);
    const byName = await createBatch({ actor: manager, projectId, input: { name: "Name", selection: { kind: "filter", fileNameContains: "img-00000" } } });
    expect(byName.taskCount).toBe(1);
    await expect(createBatch({ actor: manager, projectId, input: { name: "Enc", selection: { kind: "filter", embedding: "done" } } })).rejects.toMatchObject({ code: "bad_request" });
    // A literal % in the filter matches nothing rather than everything.
    await expect(createBatch({ actor: manager, projectId, input: { name: "Pct", selection: { kind: "filter", fileNameContains: "%" } } })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("refuses non-managers, reviewers as assignees, outsiders and bad input", async () => {
    const { manager, a, reviewer, projectId } = await setup(2);
    const [outsider] = await createFastUsers("annotator", 1);
    const input = { name: "B", selection: { kind: "first_unassigned" as const, count: 1 } };
    await expect(createBatch({ actor: a, projectId, input })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createBatch({ actor: manager, projectId, input: { ...input, assigneeIds: [reviewer.id] } })).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/reviewer/) });
    await expect(createBatch({ actor: manager, projectId, input: { ...input, assigneeIds: [outsider!.id] } })).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/not a member/) });
    await expect(createBatch({ actor: manager, projectId, input: { ...input, name: "" } })).rejects.toBeInstanceOf(ZodError);
    await expect(createBatch({ actor: manager, projectId, input: { name: "x", selection: { kind: "first_unassigned", count: 0 } } })).rejects.toBeInstanceOf(ZodError);
  });

  it("reassigns and unassigns open work, leaves work in progress alone, reports progress", async () => {
    const { manager, a, b, projectId } = await setup(4);
    const { batch } = await createBatch({ actor: manager, projectId, input: { name: "W", selection: { kind: "first_unassigned", count: 4 }, assigneeIds: [a.id] } });
    const held = (await claimNextTask({ actor: a, projectId, prefetch: false })).task!;
    const moved = await assignTasks({ actor: manager, projectId, input: { batchId: batch.id, fromUserId: a.id, assigneeId: b.id } });
    expect(moved).toEqual({ moved: 3, notMovable: 1 });
    expect((await db().task.findUniqueOrThrow({ where: { id: held.id } })).assigneeId).toBe(a.id);
    const toPool = await assignTasks({ actor: manager, projectId, input: { batchId: batch.id, fromUserId: b.id, assigneeId: null } });
    expect(toPool.moved).toBe(3);
    // A skipped image re-enters the queue when reassigned.
    await skipTask({ actor: a, taskId: held.id, input: { reason: "blurry" } });
    expect(await assignTasks({ actor: manager, projectId, input: { taskIds: [held.id], assigneeId: b.id } })).toEqual({ moved: 1, notMovable: 0 });
    expect(await db().task.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "todo", skipReason: null, assigneeId: b.id });
    await claimNextTask({ actor: b, projectId, prefetch: false });

    const overview = await listBatches({ actor: manager, projectId });
    const progress = overview.batches.find((entry) => entry.id === batch.id)!;
    expect(progress.total).toBe(4);
    expect(progress.counts).toMatchObject({ todo: 3, in_progress: 1 });
    expect(progress.assignees.map((share) => [share.name, share.total])).toEqual([["Project pool", 3], [b.name, 1]]);
    expect(overview.members.map((member) => member.id)).toContain(a.id);
    expect(overview.unbatchedCount).toBe(0);
    const table = await listBatchTasks({ actor: manager, projectId, query: { batchId: batch.id, status: "in_progress" } });
    expect(table.items).toHaveLength(1);
    await expect(assignTasks({ actor: a, projectId, input: { batchId: batch.id, assigneeId: a.id } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(assignTasks({ actor: manager, projectId, input: { batchId: "nope", assigneeId: null } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("changes a batch's priority, which reorders the queue at once", async () => {
    const { manager, a, projectId, imageIds } = await setup(2);
    const first = await createBatch({ actor: manager, projectId, input: { name: "First", selection: { kind: "images", imageIds: [imageIds[0]!] } } });
    const second = await createBatch({ actor: manager, projectId, input: { name: "Second", selection: { kind: "images", imageIds: [imageIds[1]!] } } });
    await updateBatch({ actor: manager, projectId, batchId: second.batch.id, input: { priority: 9 } });
    expect((await claimNextTask({ actor: a, projectId, prefetch: false })).task?.batchId).toBe(second.batch.id);
    await expect(updateBatch({ actor: manager, projectId, batchId: first.batch.id, input: {} })).rejects.toBeInstanceOf(ZodError);
    await expect(updateBatch({ actor: manager, projectId, batchId: "missing", input: { name: "x" } })).rejects.toMatchObject({ code: "not_found" });
  });
});
