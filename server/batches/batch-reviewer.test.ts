// A batch's reviewer on real Postgres: hand-ins of the batch wait in that
// reviewer's queue only, move when the reviewer changes, never go to someone
// who labelled the image, and fall back to the pool when the reviewer leaves.
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
  const [first, second] = await createFastUsers("reviewer", 2, "rv-reviewer");
  const { project } = await createQueueProject({
    members: [
      { actor: manager!, role: "manager" },
      { actor: annotator!, role: "annotator" },
      { actor: first!, role: "reviewer" },
      { actor: second!, role: "reviewer" },
    ],
    images: 4,
  });
  return { manager: manager!, annotator: annotator!, first: first!, second: second!, projectId: project.id };
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
    expect((await listBatches({ actor: manager, projectId })).batches[0]!.reviewer).toEqual({ id: first.id, name: first.name });

    const imageA = await handIn(annotator, projectId);
    const imageB = await handIn(annotator, projectId);
    expect(await reviewTaskOf(imageA)).toEqual({ assigneeId: first.id, status: "todo" });
    expect(await waitingFor(first, projectId)).toBe(2);
    expect(await waitingFor(second, projectId)).toBe(0);
    expect((await claimNextTask({ actor: second, projectId, input: { stage: "review" }, prefetch: false })).task).toBeNull();
    const claimed = await claimNextTask({ actor: first, projectId, input: { stage: "review" }, prefetch: false });
    expect(claimed.task?.imageId).toBe(imageA);

    // Moving the batch to the second reviewer moves what still waits; the review in progress stays with its holder.
    await updateBatch({ actor: manager, projectId, batchId: batch.id, input: { reviewerId: second.id } });
    expect(await reviewTaskOf(imageA)).toEqual({ assigneeId: first.id, status: "in_progress" });
    expect(await reviewTaskOf(imageB)).toEqual({ assigneeId: second.id, status: "todo" });
    expect(await waitingFor(second, projectId)).toBe(1);

    // Back to any reviewer: the pool, which both see.
    await updateBatch({ actor: manager, projectId, batchId: batch.id, input: { reviewerId: null } });
    expect(await reviewTaskOf(imageB)).toEqual({ assigneeId: null, status: "todo" });
    expect(await waitingFor(first, projectId)).toBe(1);
    expect((await listBatches({ actor: manager, projectId })).batches[0]!.reviewer).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "batch.update", targetId: batch.id } })).toBe(2);
  });

  it("never hands a reviewer an image they labelled, and falls back to the pool when the reviewer leaves", async () => {
    const { manager, annotator, second, projectId } = await setup();
    // The manager reviews the batch and labels in it too: their own hand-in goes to the pool.
    const { batch } = await createBatch({ actor: manager, projectId, input: { name: "Manager reviews", selection: { kind: "first_unassigned", count: 4 }, reviewerId: manager.id } });
    const ownImage = await handIn(manager, projectId);
    expect(await reviewTaskOf(ownImage)).toEqual({ assigneeId: null, status: "todo" });
    const annotatorImage = await handIn(annotator, projectId);
    expect(await reviewTaskOf(annotatorImage)).toEqual({ assigneeId: manager.id, status: "todo" });

    await updateBatch({ actor: manager, projectId, batchId: batch.id, input: { reviewerId: second.id } });
    await removeProjectMember({ actor: manager, input: { projectId, userId: second.id } });
    expect(await db().batch.findUniqueOrThrow({ where: { id: batch.id }, select: { reviewerId: true } })).toEqual({ reviewerId: null });
    expect(await reviewTaskOf(annotatorImage)).toEqual({ assigneeId: null, status: "todo" });
    expect(await reviewTaskOf(await handIn(annotator, projectId))).toEqual({ assigneeId: null, status: "todo" });
  });

  it("refuses an annotator or a stranger as reviewer, naming them, and changes nothing", async () => {
    const { manager, annotator, projectId } = await setup();
    const [stranger] = await createFastUsers("reviewer", 1, "rv-stranger");
    const input = (reviewerId: string) => ({ name: "x", selection: { kind: "first_unassigned" as const, count: 1 }, reviewerId });
    await expect(createBatch({ actor: manager, projectId, input: input(annotator.id) })).rejects.toMatchObject({
      code: "bad_request",
      message: `${annotator.name} is an annotator here; only reviewers and managers can review a batch.`,
    });
    await expect(createBatch({ actor: manager, projectId, input: input(stranger!.id) })).rejects.toMatchObject({ message: "The reviewer must be an active member of this project." });
    expect(await db().batch.count({ where: { projectId } })).toBe(0);
    const { batch } = await createBatch({ actor: manager, projectId, input: { name: "ok", selection: { kind: "first_unassigned", count: 1 } } });
    await expect(updateBatch({ actor: manager, projectId, batchId: batch.id, input: { reviewerId: annotator.id } })).rejects.toMatchObject({ code: "bad_request" });
    expect(await db().batch.findUniqueOrThrow({ where: { id: batch.id }, select: { reviewerId: true } })).toEqual({ reviewerId: null });
    await expect(updateBatch({ actor: annotator, projectId, batchId: batch.id, input: { reviewerId: null } })).rejects.toMatchObject({ code: "forbidden" });
  });
});
