// The reviewer workflow end to end on real Postgres: submit -> reject with
// pinned comments -> the same annotator fixes it -> resubmit -> accept; the
// image's history tells the whole story.
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { claimNextTask } from "../tasks/claim-next-task";
import { submitTask } from "../tasks/submit-task";
import { assertTaskLease } from "../tasks/assert-task-lease";
import { batchEverything, createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { acceptReview } from "./accept-review";
import { rejectReview } from "./reject-review";
import { listOpenReviewComments } from "./list-open-review-comments";
import { getImageHistory } from "./get-image-history";

async function setup() {
  const [a, b] = await createFastUsers("annotator", 2);
  const [reviewer] = await createFastUsers("reviewer", 1);
  const { project, imageIds } = await createQueueProject({
    members: [
      { actor: a!, role: "annotator" },
      { actor: b!, role: "annotator" },
      { actor: reviewer!, role: "reviewer" },
    ],
    images: 2,
  });
  await batchEverything({ projectId: project.id });
  return { a: a!, b: b!, reviewer: reviewer!, projectId: project.id, imageIds };
}

async function saveMask(actorId: string, projectId: string, imageId: string): Promise<string> {
  const row = await db().annotation.create({ data: { projectId, imageId, rleCounts: "0", maskHeight: 480, maskWidth: 640, bbox: [0, 0, 1, 1], area: 1, authorId: actorId } });
  return row.id;
}

describe("review loop", () => {
  it("reject -> fix -> accept", async () => {
    const { a, b, reviewer, projectId } = await setup();
    const work = (await claimNextTask({ actor: a, projectId, prefetch: false })).task!;
    const maskId = await saveMask(a.id, projectId, work.imageId);
    const submitted = await submitTask({ actor: a, taskId: work.id });
    expect(submitted.reviewTask).toMatchObject({ stage: "review", status: "todo", imageId: work.imageId });

    // The annotator cannot review their own work; the reviewer can.
    const reviewTask = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
    expect(reviewTask.id).toBe(submitted.reviewTask?.id);
    await expect(rejectReview({ actor: reviewer, taskId: reviewTask.id, comments: [] })).rejects.toThrow(/at least one comment/);
    await expect(rejectReview({ actor: reviewer, taskId: reviewTask.id, comments: [{ comment: "off", pinX: 5000, pinY: 1 }] })).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/outside the image/) });
    await expect(rejectReview({ actor: reviewer, taskId: reviewTask.id, comments: [{ comment: "x", annotationId: "elsewhere" }] })).rejects.toMatchObject({ code: "bad_request" });
    await expect(rejectReview({ actor: b, taskId: reviewTask.id, comments: [{ comment: "not mine" }] })).rejects.toMatchObject({ code: "conflict" });
    const rejected = await rejectReview({
      actor: reviewer,
      taskId: reviewTask.id,
      claimNext: true,
      comments: [
        { comment: "The wheel is missing", annotationId: maskId, pinX: 120, pinY: 80 },
        { comment: "Also label the pedestrian" },
      ],
    });
    expect(rejected.annotate).toMatchObject({ status: "rejected", assigneeId: a.id });
    expect(rejected.review.status).toBe("rejected");
    // A finished (rejected) review is not handed out again.
    expect(rejected.next?.task).toBeNull();

    // The comments reach the annotator (and only the open round is listed).
    const open = await listOpenReviewComments({ actor: a, imageId: work.imageId });
    expect(open.map((comment) => comment.comment)).toEqual(["The wheel is missing", "Also label the pedestrian"]);
    expect(open[0]).toMatchObject({ annotationId: maskId, pinX: 120, pinY: 80, reviewer: { id: reviewer.id } });

    // The rework goes to the same annotator first, before new pool work; not to b.
    const bNext = (await claimNextTask({ actor: b, projectId, prefetch: false })).task!;
    expect(bNext.imageId).not.toBe(work.imageId);
    const fix = (await claimNextTask({ actor: a, projectId, prefetch: false })).task!;
    expect(fix.id).toBe(work.id);
    await assertTaskLease({ actor: a, imageId: work.imageId, taskId: work.id });
    await saveMask(a.id, projectId, work.imageId);
    await submitTask({ actor: a, taskId: work.id });
    expect(await listOpenReviewComments({ actor: a, imageId: work.imageId })).toEqual([]);

    // The reviewer corrects in the editor (with the review lease) and accepts.
    const again = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
    expect(again.id).toBe(reviewTask.id);
    expect(await assertTaskLease({ actor: reviewer, imageId: work.imageId })).toMatchObject({ mode: "lease", stage: "review" });
    const accepted = await acceptReview({ actor: reviewer, taskId: again.id, comment: "Good now" });
    expect(accepted.annotate.status).toBe("accepted");
    expect(accepted.review.status).toBe("accepted");
    await expect(acceptReview({ actor: reviewer, taskId: again.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await listOpenReviewComments({ actor: a, imageId: work.imageId })).toEqual([]);

    const history = await getImageHistory({ actor: a, imageId: work.imageId });
    const actions = history.entries.map((entry) => `${entry.action}:${entry.actor?.name ?? "system"}`);
    expect(actions).toEqual([
      `task.claim:${a.name}`,
      `task.submit:${a.name}`,
      `task.claim:${reviewer.name}`,
      `review.reject:${reviewer.name}`,
      `task.claim:${a.name}`,
      `task.submit:${a.name}`,
      `task.claim:${reviewer.name}`,
      `review.accept:${reviewer.name}`,
    ]);
    expect(history.entries.find((entry) => entry.action === "review.reject")?.comments).toHaveLength(2);
  });

  it("an annotator never reviews their own image, and review actions need a review task", async () => {
    const { a, reviewer, projectId } = await setup();
    await db().membership.update({ where: { projectId_userId: { projectId, userId: a.id } }, data: { role: "manager" } });
    const manager = { ...a };
    const work = (await claimNextTask({ actor: manager, projectId, prefetch: false })).task!;
    await submitTask({ actor: manager, taskId: work.id });
    expect((await claimNextTask({ actor: manager, projectId, input: { stage: "review" } })).task).toBeNull();
    await expect(acceptReview({ actor: reviewer, taskId: work.id })).rejects.toMatchObject({ code: "bad_request" });
    await expect(claimNextTask({ actor: reviewer, projectId, input: { stage: "annotate" } })).rejects.toMatchObject({ code: "forbidden" });
  });
});
