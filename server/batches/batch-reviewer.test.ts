// A batch's reviewers on real Postgres: hand-ins of the batch wait in their
// queues only (several: each to the least loaded), are dealt out again when
// the reviewers change, never go to someone who labelled the image, go to the
// remaining reviewers when one leaves and to the pool when none is left.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { removeProjectMember } from "../projects/remove-project-member";
import { claimNextTask } from "../tasks/claim-next-task";
import { getQueueSummary } from "../tasks/get-queue-summary";
import { submitTask } from "../tasks/submit-task";
import { createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { closeTestDb } from "../testing/close-test-db";
import type { Actor } from "../auth/actor";
import { createBatch } from "./create-batch";
import { listBatches } from "./list-batches";
import { updateBatch } from "./update-batch";

afterAll(async () => {
  await closeTestDb();
});

async function setup() {
  const [manager] = await createFastUsers("manager", 1, "rv-manager");
  const [annotator] = await createFastUsers("annotator", 1, "rv-annotator");
  const [first, second, third] = await createFastUsers("reviewer", 3, "rv-reviewer");
  const { project } = await createQueueProject({
    members: [
      { actor: manager!, role: "manager" },
      { actor: annotator!, role: "annotator" },
      { actor: first!, role: "reviewer" },
      { actor: second!, role: "reviewer" },
      { actor: third!, role: "reviewer" },
    ],
    images: 6,
  });
  return { manager: manager!, annotator: annotator!, first: first!, second: second!, third: third!, projectId: project.id };
}

/** Claims the next image to label and hands it in; returns its image id. */
async function handIn(actor: Actor, projectId: string): Promise<string> {
  const claimed = await claimNextTask({ actor, projectId, prefetch: false });
  await submitTask({ actor, taskId: claimed.task!.id, claimNext: false, prefetch: false });
  return claimed.task!.imageId;
}

const reviewTaskOf = (imageId: string) => db().task.findFirstOrThrow({ where: { imageId, stage: "review" }, select: { assigneeId: true, status: true } });
const waitingFor = async (actor: Actor, projectId: string) => (await getQueueSummary({ actor, projectId })).review.waiting;

describe("a batch's reviewer", () => {
  it("gets the batch's hand-ins in their queue only, and takes them along when the reviewer changes", async () => {
    const { manager, annotator, first, second, projectId } = await setup();
    const { batch } = await createBatch({ actor: manager, projectId, input: { name: "Reviewed by first", selection: { kind: "first_unassigned", count: 4 }, reviewerId: first.id } });
    // The older single reviewerId still works (scripts written for one reviewer).
    expect((await listBatches({ actor: manager, projectId })).batches[0]!.reviewers).toEqual([{ id: first.id, name: first.name }]);

    const imageA = await handIn(annotator, projectId);
    const imageB = await handIn(annotator, projectId);
    expect(await reviewTaskOf(imageA)).toEqual({ assigneeId: first.id, status: "todo" });
    expect(await waitingFor(first, projectId)).toBe(2);
    expect(await waitingFor(second, projectId)).toBe(0);
    expect((await claimNextTask({ actor: second, projectId, input: { stage: "review" }, prefetch: false })).task).toBeNull();
    const claimed = await claimNextTask({ actor: first, projectId, input: { stage: "review" }, prefetch: false });
    expect(claimed.task?.imageId).toBe(imageA);

    // Moving the batch to the second reviewer moves what still waits; the review in progress stays with its holder.
    await updateBatch({ actor: manager, projectId, batchId: batch.id, input: { reviewerIds: [second.id] } });
    expect(await reviewTaskOf(imageA)).toEqual({ assigneeId: first.id, status: "in_progress" });
    expect(await reviewTaskOf(imageB)).toEqual({ assigneeId: second.id, status: "todo" });
    expect(await waitingFor(second, projectId)).toBe(1);

    // Back to any reviewer: the pool, which both see.
    await updateBatch({ actor: manager, projectId, batchId: batch.id, input: { reviewerIds: [] } });
    expect(await reviewTaskOf(imageB)).toEqual({ assigneeId: null, status: "todo" });
    expect(await waitingFor(first, projectId)).toBe(1);
    expect((await listBatches({ actor: manager, projectId })).batches[0]!.reviewers).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: "batch.update", targetId: batch.id } })).toBe(2);
  });

  it("never hands a reviewer an image they labelled, and falls back to the pool when the reviewer leaves", async () => {
    const { manager, annotator, second, projectId } = await setup();
    // The manager reviews the batch and labels in it too: their own hand-in goes to the pool.
    const { batch } = await createBatch({ actor: manager, projectId, input: { name: "Manager reviews", selection: { kind: "first_unassigned", count: 4 }, reviewerIds: [manager.id] } });
    const ownImage = await handIn(manager, projectId);
    expect(await reviewTaskOf(ownImage)).toEqual({ assigneeId: null, status: "todo" });
    const annotatorImage = await handIn(annotator, projectId);
    expect(await reviewTaskOf(annotatorImage)).toEqual({ assigneeId: manager.id, status: "todo" });

    await updateBatch({ actor: manager, projectId, batchId: batch.id, input: { reviewerIds: [second.id] } });
    await removeProjectMember({ actor: manager, input: { projectId, userId: second.id } });
    expect(await db().batch.findUniqueOrThrow({ where: { id: batch.id }, select: { reviewerIds: true } })).toEqual({ reviewerIds: [] });
    expect(await reviewTaskOf(annotatorImage)).toEqual({ assigneeId: null, status: "todo" });
    expect(await reviewTaskOf(await handIn(annotator, projectId))).toEqual({ assigneeId: null, status: "todo" });
  });

  it("refuses an annotator or a stranger as reviewer, naming them, and changes nothing", async () => {
    const { manager, annotator, projectId } = await setup();
    const [stranger] = await createFastUsers("reviewer", 1, "rv-stranger");
    const input = (reviewerId: string) => ({ name: "x", selection: { kind: "first_unassigned" as const, count: 1 }, reviewerIds: [manager.id, reviewerId] });
    await expect(createBatch({ actor: manager, projectId, input: input(annotator.id) })).rejects.toMatchObject({
      code: "bad_request",
      message: `${annotator.name} is an annotator here; only reviewers and managers can review a batch.`,
    });
    await expect(createBatch({ actor: manager, projectId, input: input(stranger!.id) })).rejects.toMatchObject({ message: "Every reviewer must be an active member of this project." });
    expect(await db().batch.count({ where: { projectId } })).toBe(0);
    const { batch } = await createBatch({ actor: manager, projectId, input: { name: "ok", selection: { kind: "first_unassigned", count: 1 } } });
    await expect(updateBatch({ actor: manager, projectId, batchId: batch.id, input: { reviewerIds: [annotator.id] } })).rejects.toMatchObject({ code: "bad_request" });
    expect(await db().batch.findUniqueOrThrow({ where: { id: batch.id }, select: { reviewerIds: true } })).toEqual({ reviewerIds: [] });
    await expect(updateBatch({ actor: annotator, projectId, batchId: batch.id, input: { reviewerIds: [] } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateBatch({ actor: manager, projectId, batchId: batch.id, input: { reviewerIds: Array.from({ length: 21 }, (_, i) => `u${i}`) } })).rejects.toThrow(/at most 20 reviewers/);
  });

  it("deals hand-ins out to several reviewers by their open reviews, and to the others when one leaves", async () => {
    const { manager, annotator, first, second, third, projectId } = await setup();
    const { batch } = await createBatch({ actor: manager, projectId, input: { name: "Two reviewers", selection: { kind: "first_unassigned", count: 6 }, reviewerIds: [first.id, second.id, first.id] } });
    expect((await listBatches({ actor: manager, projectId })).batches[0]!.reviewers.map((person) => person.id)).toEqual([first.id, second.id]);
    const images: string[] = [];
    for (let i = 0; i < 4; i += 1) images.push(await handIn(annotator, projectId));
    const assignees = async () => Promise.all(images.map(async (image) => (await reviewTaskOf(image)).assigneeId));
    // Fewest open reviews first (ties by id): two each.
    expect((await assignees()).filter((id) => id === first.id)).toHaveLength(2);
    expect((await assignees()).filter((id) => id === second.id)).toHaveLength(2);
    expect(await waitingFor(third, projectId)).toBe(0);
    expect((await claimNextTask({ actor: third, projectId, input: { stage: "review" }, prefetch: false })).task).toBeNull();
    // One holds a review: the next hand-in goes to the other.
    const held = await claimNextTask({ actor: first, projectId, input: { stage: "review" }, prefetch: false });
    await db().task.updateMany({ where: { stage: "review", assigneeId: second.id, status: "todo" }, data: { status: "accepted" } });
    const fifth = await handIn(annotator, projectId);
    expect((await reviewTaskOf(fifth)).assigneeId).toBe(second.id);

    // Adding a third deals what waits out again, in turn; the review in progress stays.
    await updateBatch({ actor: manager, projectId, batchId: batch.id, input: { reviewerIds: [first.id, second.id, third.id] } });
    const waiting = await db().task.findMany({ where: { batchId: batch.id, stage: "review", status: "todo" }, select: { assigneeId: true } });
    expect(new Set(waiting.map((task) => task.assigneeId)).size).toBe(waiting.length);
    expect((await reviewTaskOf(held.task!.imageId)).status).toBe("in_progress");

    // One leaves: their waiting reviews go to the others, not to the pool.
    await removeProjectMember({ actor: manager, input: { projectId, userId: third.id } });
    expect((await db().batch.findUniqueOrThrow({ where: { id: batch.id }, select: { reviewerIds: true } })).reviewerIds).toEqual([first.id, second.id]);
    const after = await db().task.findMany({ where: { batchId: batch.id, stage: "review", status: "todo" }, select: { assigneeId: true } });
    expect(after.every((task) => task.assigneeId === first.id || task.assigneeId === second.id)).toBe(true);
  });
});
