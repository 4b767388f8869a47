// A batch's due date on real Postgres: set when cut, changed and cleared,
// shown to managers and in the annotator's queue, bad days named.
import { afterAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "../db/client";
import { getQueueSummary } from "../tasks/get-queue-summary";
import { claimNextTask } from "../tasks/claim-next-task";
import { peekNextTaskImages } from "../tasks/peek-next-task-images";
import { createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { closeTestDb } from "../testing/close-test-db";
import { createBatch } from "./create-batch";
import { listBatches } from "./list-batches";
import { updateBatch } from "./update-batch";

afterAll(async () => {
  await closeTestDb();
});

const now = new Date("2026-12-07T15:00:00Z");

describe("a batch's due date", () => {
  it("is set when the batch is cut, shown to managers and annotators, changed and cleared", async () => {
    const [manager] = await createFastUsers("manager", 1, "due-manager");
    const [annotator] = await createFastUsers("annotator", 1, "due-annotator");
    const { project } = await createQueueProject({ members: [{ actor: manager!, role: "manager" }, { actor: annotator!, role: "annotator" }], images: 4 });
    const projectId = project.id;
    const { batch } = await createBatch({ actor: manager!, projectId, now, input: { name: "Due Friday", selection: { kind: "first_unassigned", count: 2 }, dueOn: "2026-12-11" } });
    await createBatch({ actor: manager!, projectId, now, input: { name: "No date", selection: { kind: "first_unassigned", count: 2 } } });
    const listed = (await listBatches({ actor: manager!, projectId })).batches;
    expect(listed.map((entry) => [entry.name, entry.dueOn])).toEqual([["Due Friday", "2026-12-11"], ["No date", null]]);
    const queue = await getQueueSummary({ actor: annotator!, projectId });
    expect(queue.batches.map((entry) => [entry.name, entry.dueOn])).toEqual([["Due Friday", "2026-12-11"], ["No date", null]]);

    // Today itself is allowed; the answer gives the day back as written.
    expect(await updateBatch({ actor: manager!, projectId, batchId: batch.id, now, input: { dueOn: "2026-12-07" } })).toMatchObject({ dueOn: "2026-12-07" });
    await updateBatch({ actor: manager!, projectId, batchId: batch.id, now, input: { dueOn: null } });
    expect((await listBatches({ actor: manager!, projectId })).batches[0]!.dueOn).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "batch.update", targetId: batch.id } })).toBe(2);
  });

  it("orders equal-priority work by due day: the batch due soonest first, undated last, priority still first", async () => {
    const [manager] = await createFastUsers("manager", 1, "due-order");
    const [annotator] = await createFastUsers("annotator", 1, "due-order-a");
    const { project } = await createQueueProject({ members: [{ actor: manager!, role: "manager" }, { actor: annotator!, role: "annotator" }], images: 4 });
    const projectId = project.id;
    const cut = (name: string, dueOn?: string, priority?: number) =>
      createBatch({ actor: manager!, projectId, now, input: { name, selection: { kind: "first_unassigned", count: 1 }, ...(dueOn && { dueOn }), ...(priority !== undefined && { priority }) } });
    // Cut in this order: the oldest has no day, then a later day, then a sooner one.
    const undated = await cut("Undated");
    const later = await cut("Due later", "2026-12-20");
    const sooner = await cut("Due sooner", "2026-12-09");
    const names = (await listBatches({ actor: manager!, projectId })).batches.map((entry) => entry.name);
    expect(names).toEqual(["Due sooner", "Due later", "Undated"]);
    expect((await getQueueSummary({ actor: annotator!, projectId })).batches.map((entry) => entry.name)).toEqual(names);
    const taskOf = async (batchId: string) => (await db().task.findFirstOrThrow({ where: { batchId, stage: "annotate" } })).imageId;
    expect(await peekNextTaskImages({ projectId, actorId: annotator!.id, count: 3 })).toEqual([await taskOf(sooner.batch.id), await taskOf(later.batch.id), await taskOf(undated.batch.id)]);
    expect((await claimNextTask({ actor: annotator!, projectId, prefetch: false })).task?.batchId).toBe(sooner.batch.id);
    // A higher priority still comes before any due day.
    const urgent = await cut("Urgent, undated", undefined, 5);
    expect((await peekNextTaskImages({ projectId, actorId: annotator!.id, count: 1 }))[0]).toBe(await taskOf(urgent.batch.id));
  });

  it("names a day that is malformed, not in the calendar or already past, and changes nothing", async () => {
    const [manager] = await createFastUsers("manager", 1, "due-bad");
    const { project } = await createQueueProject({ members: [{ actor: manager!, role: "manager" }], images: 2 });
    const projectId = project.id;
    const { batch } = await createBatch({ actor: manager!, projectId, now, input: { name: "b", selection: { kind: "first_unassigned", count: 1 }, dueOn: "2026-12-20" } });
    const messages = async (dueOn: string) => {
      const error = await updateBatch({ actor: manager!, projectId, batchId: batch.id, now, input: { dueOn } }).catch((failure: unknown) => failure);
      return error instanceof ZodError ? error.issues.map((issue) => issue.message) : [(error as Error).message];
    };
    expect(await messages("12/24/2026")).toEqual(["The due date must be a day written YYYY-MM-DD"]);
    expect(await messages("2026-02-30")).toEqual(["The due date is not a day of the calendar"]);
    expect(await messages("2026-13-01")).toEqual(["The due date is not a day of the calendar"]);
    expect(await messages("2026-12-06")).toEqual(["The due date 2026-12-06 is already past (today is 2026-12-07, UTC)."]);
    await expect(createBatch({ actor: manager!, projectId, now, input: { name: "late", selection: { kind: "first_unassigned", count: 1 }, dueOn: "2025-01-01" } })).rejects.toMatchObject({ code: "bad_request" });
    expect(await db().batch.findMany({ where: { projectId }, select: { name: true } })).toEqual([{ name: "b" }]);
    expect((await listBatches({ actor: manager!, projectId })).batches[0]!.dueOn).toBe("2026-12-20");
  });
});
