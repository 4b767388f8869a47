// Working through one batch: a claim, submit, skip or review decision that
// names a batch takes the next image from that batch only (even when another
// batch has a higher priority), says so when it is used up, and the queue
// lists the batches with work for this person.
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { acceptReview } from "../reviews/accept-review";
import { claimNextTask } from "./claim-next-task";
import { getQueueSummary } from "./get-queue-summary";
import { submitTask } from "./submit-task";
import { claimResponse } from "./task-summary";
import { createFastUsers, createQueueProject } from "./testing/queue-fixtures";

async function setup() {
  const [annotator] = await createFastUsers("annotator", 1, "focus-annotator");
  const [reviewer] = await createFastUsers("reviewer", 1, "focus-reviewer");
  const { project, imageIds } = await createQueueProject({ members: [{ actor: annotator!, role: "annotator" }, { actor: reviewer!, role: "reviewer" }], images: 4 });
  const low = await db().batch.create({ data: { projectId: project.id, name: "street", priority: 0 } });
  const high = await db().batch.create({ data: { projectId: project.id, name: "urgent", priority: 5 } });
  await db().task.updateMany({ where: { imageId: { in: imageIds.slice(0, 2) } }, data: { batchId: low.id } });
  await db().task.updateMany({ where: { imageId: { in: imageIds.slice(2) } }, data: { batchId: high.id } });
  return { annotator: annotator!, reviewer: reviewer!, projectId: project.id, low: low.id, high: high.id };
}

describe("batch focus", () => {
  it("claims and hands on within the chosen batch, and stops when it is used up", async () => {
    const { annotator, projectId, low, high } = await setup();
    const summary = await getQueueSummary({ actor: annotator, projectId });
    expect(summary.batches.map((batch) => [batch.name, batch.annotateOpen, batch.reviewOpen])).toEqual([
      ["urgent", 2, 0],
      ["street", 2, 0],
    ]);

    const first = await claimNextTask({ actor: annotator, projectId, input: { stage: "annotate", batchId: low }, prefetch: false });
    expect(first.task?.batchId).toBe(low);
    expect(claimResponse(first, low).path).toBe(`/projects/${projectId}/annotate/${first.task!.imageId}?task=${first.task!.id}&batch=${low}`);
    const second = await submitTask({ actor: annotator, taskId: first.task!.id, claimNext: true, prefetch: false, batchId: low });
    expect(second.next?.task?.batchId).toBe(low);
    const done = await submitTask({ actor: annotator, taskId: second.next!.task!.id, claimNext: true, prefetch: false, batchId: low });
    expect(done.next?.task ?? null).toBeNull();
    // Without a focus the queue goes on with the other batch.
    expect((await claimNextTask({ actor: annotator, projectId, prefetch: false })).task?.batchId).toBe(high);
  });

  it("reviews within a batch, and refuses a batch of another project", async () => {
    const { annotator, reviewer, projectId, low, high } = await setup();
    for (let k = 0; k < 4; k += 1) {
      const task = (await claimNextTask({ actor: annotator, projectId, prefetch: false })).task!;
      await submitTask({ actor: annotator, taskId: task.id });
    }
    const reviewerSummary = await getQueueSummary({ actor: reviewer, projectId });
    expect(reviewerSummary.batches.map((batch) => [batch.name, batch.reviewOpen])).toEqual([
      ["urgent", 2],
      ["street", 2],
    ]);
    const review = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review", batchId: low } })).task!;
    expect(review.batchId).toBe(low);
    const next = await acceptReview({ actor: reviewer, taskId: review.id, claimNext: true, batchId: low });
    expect(next.next?.task?.batchId).toBe(low);

    const other = await setup();
    await expect(claimNextTask({ actor: annotator, projectId, input: { stage: "annotate", batchId: other.high } })).rejects.toMatchObject({ code: "not_found", message: "No such batch in this project." });
    expect(high).not.toBe(other.high);
  });
});
