// Review sampling on real Postgres: a project that reviews only a share of
// hand-ins accepts the others at once (no review task, nothing to score),
// always reviews each annotator's first hand-ins and every image sent back,
// draws the rest at random, and says so in analytics, history and webhooks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMask, encodeMaskToRle, maskArea, maskBbox } from "@/lib/mask";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { queue, stopQueue } from "../jobs/queue";
import { countReviewStats } from "../analytics/count-review-stats";
import { countHandInQuality } from "../analytics/count-hand-in-quality";
import { countReviewSampling } from "../analytics/count-review-sampling";
import { getImageHistory } from "../reviews/get-image-history";
import { rejectReview } from "../reviews/reject-review";
import { acceptReview } from "../reviews/accept-review";
import { getProjectOverview } from "../projects/get-project-overview";
import { requestReview } from "../reviews/request-review";
import { findReviewOutcomeImages } from "../quality/find-review-outcome-images";
import { updateProject } from "../projects/update-project";
import { closeTestDb } from "../testing/close-test-db";
import { claimNextTask } from "./claim-next-task";
import { submitTask } from "./submit-task";
import { batchEverything, createFastUsers, createQueueProject } from "./testing/queue-fixtures";

beforeAll(async () => {
  await queue(); // automatic training (an acceptance may start it) reads the pgboss schema
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function setup(settings: Record<string, unknown>, images = 6) {
  const [a, b] = await createFastUsers("annotator", 2);
  const [reviewer] = await createFastUsers("reviewer", 1);
  const { project } = await createQueueProject({
    members: [
      { actor: a!, role: "annotator" },
      { actor: b!, role: "annotator" },
      { actor: reviewer!, role: "reviewer" },
    ],
    images,
  });
  await db().project.update({ where: { id: project.id }, data: { settings: settings as never } });
  await batchEverything({ projectId: project.id });
  return { a: a!, b: b!, reviewer: reviewer!, projectId: project.id };
}

/** A 10x10 square on the fixtures' 640x480 pictures. */
const square = (() => {
  const mask = createMask(640, 480);
  for (let y = 0; y < 10; y++) mask.data.fill(1, y * 640, y * 640 + 10);
  return { rleCounts: encodeMaskToRle(mask).counts, maskHeight: 480, maskWidth: 640, bbox: maskBbox(mask), area: maskArea(mask) };
})();

/** Claims the next image, draws one mask on it and hands it in. */
async function handIn(actor: Actor, projectId: string, draw?: () => number) {
  const work = (await claimNextTask({ actor, projectId, prefetch: false })).task!;
  await db().annotation.create({ data: { projectId, imageId: work.imageId, ...square, authorId: actor.id } });
  return { imageId: work.imageId, result: await submitTask({ actor, taskId: work.id, draw }) };
}

describe("review sampling", () => {
  it("reviews every hand-in by default", async () => {
    const { a, projectId } = await setup({});
    const { result } = await handIn(a, projectId, () => 0.999);
    expect(result.reviewed).toBe(true);
    expect(result.task.status).toBe("submitted");
    expect(result.reviewTask).toMatchObject({ stage: "review", status: "todo" });
  });

  it("at 0% reviews only each annotator's first hand-ins and accepts the rest at once, with nothing to score", async () => {
    const { a, b, projectId } = await setup({ review: { percent: 0, firstHandIns: 2 } });
    const first = await handIn(a, projectId);
    const second = await handIn(a, projectId);
    const third = await handIn(a, projectId);
    expect([first.result.reviewed, second.result.reviewed, third.result.reviewed]).toEqual([true, true, false]);
    expect(third.result.task.status).toBe("accepted");
    expect(third.result.reviewTask).toBeNull();
    expect(await db().task.count({ where: { imageId: third.imageId, stage: "review" } })).toBe(0);
    const handInRow = await db().handIn.findFirstOrThrow({ where: { imageId: third.imageId } });
    expect(handInRow).toMatchObject({ reviewSkipped: true, quality: null, masks: [] });
    expect(handInRow.scoredAt).not.toBeNull();
    // The other annotator's count is their own: their first hand-in is reviewed.
    expect((await handIn(b, projectId)).result.reviewed).toBe(true);

    expect(await countReviewStats({ projectId })).toMatchObject({ accepted: 1, acceptedWithoutReview: 1, acceptedFirstPass: 0, awaitingReview: 3 });
    // Quality figures come from reviewed hand-ins only: the unreviewed one is not "accepted as handed in".
    expect((await countHandInQuality({ projectId })).annotators).toEqual([]);
    const history = await getImageHistory({ actor: a, imageId: third.imageId });
    const submit = history.entries.find((entry) => entry.action === "task.submit");
    expect(submit?.data.reviewed).toBe(false);
    expect(submit?.handIn).toBeUndefined();
  });

  it("reviews an image sent back before, whatever the share", async () => {
    const { a, reviewer, projectId } = await setup({ review: { percent: 0, firstHandIns: 1 } });
    const first = await handIn(a, projectId);
    expect(first.result.reviewed).toBe(true);
    const review = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
    await rejectReview({ actor: reviewer, taskId: review.id, comments: [{ comment: "Missed one" }] });
    // Back with the same annotator, who is past their first hand-in: still reviewed.
    const rework = (await claimNextTask({ actor: a, projectId, prefetch: false })).task!;
    expect(rework.imageId).toBe(first.imageId);
    const again = await submitTask({ actor: a, taskId: rework.id, draw: () => 0.999 });
    expect(again.reviewed).toBe(true);
    const second = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
    expect((await acceptReview({ actor: reviewer, taskId: second.id })).annotate.status).toBe("accepted");
    // A new image for the same annotator is not drawn at 0%.
    expect((await handIn(a, projectId, () => 0)).result.reviewed).toBe(false);
  });

  it("draws the given share at random", async () => {
    const { a, projectId } = await setup({ review: { percent: 30, firstHandIns: 0 } });
    expect((await handIn(a, projectId, () => 0.29)).result.reviewed).toBe(true);
    expect((await handIn(a, projectId, () => 0.3)).result.reviewed).toBe(false);
    expect((await handIn(a, projectId, () => 0.05)).result.reviewed).toBe(true);
  });

  it("sends review.accepted at once, with no reviewer, for a hand-in accepted without review", async () => {
    const { a, projectId } = await setup({ review: { percent: 0, firstHandIns: 0 } });
    const webhook = await db().webhook.create({ data: { projectId, url: "https://receiver.example/hook", events: ["task.submitted", "review.accepted"], secret: "s" } });
    const { imageId } = await handIn(a, projectId);
    const deliveries = await db().webhookDelivery.findMany({ where: { webhookId: webhook.id }, orderBy: { event: "asc" } });
    expect(deliveries.map((delivery) => delivery.event)).toEqual(["review.accepted", "task.submitted"]);
    const [accepted, submitted] = deliveries.map((delivery) => (delivery.payload as { data: Record<string, unknown> }).data);
    expect(accepted).toMatchObject({ reviewer: null, reviewTaskId: null, reviewSkipped: true, annotatorId: a.id, image: { id: imageId } });
    expect(submitted).toMatchObject({ reviewed: false, reviewTaskId: null });
  });

  it("lists images accepted without review, and a manager sends one to review, where it is scored like any hand-in", async () => {
    const { a, reviewer, projectId } = await setup({ review: { percent: 0, firstHandIns: 0 } });
    const [manager] = await createFastUsers("manager", 1);
    await db().membership.create({ data: { projectId, userId: manager!.id, role: "manager" } });
    const skipped = await handIn(a, projectId);
    expect(await findReviewOutcomeImages({ projectId, outcome: "unreviewed" })).toEqual([skipped.imageId]);
    expect((await getImageHistory({ actor: manager!, imageId: skipped.imageId })).canRequestReview).toBe(true);
    expect((await getImageHistory({ actor: a, imageId: skipped.imageId })).canRequestReview).toBe(false);

    await expect(requestReview({ actor: a, imageId: skipped.imageId })).rejects.toMatchObject({ code: "forbidden" });
    const sent = await requestReview({ actor: manager!, imageId: skipped.imageId });
    expect(sent.annotate.status).toBe("submitted");
    expect(sent.review).toMatchObject({ stage: "review", status: "todo" });
    await expect(requestReview({ actor: manager!, imageId: skipped.imageId })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/this one is not: img-\d+\.png \(submitted\)/) });
    expect(await findReviewOutcomeImages({ projectId, outcome: "unreviewed" })).toEqual([]);
    expect(await db().handIn.findFirstOrThrow({ where: { imageId: skipped.imageId } })).toMatchObject({ reviewSkipped: false, scoredAt: null });

    const review = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
    expect(review.imageId).toBe(skipped.imageId);
    await acceptReview({ actor: reviewer, taskId: review.id });
    // The spot check scored the hand-in: one mask handed in, the same one accepted.
    const quality = await countHandInQuality({ projectId });
    expect(quality.annotators).toHaveLength(1);
    expect(quality.annotators[0]).toMatchObject({ userId: a.id, handIns: 1, acceptedAsHandedIn: 1, meanIou: 1 });
    expect(await countReviewStats({ projectId })).toMatchObject({ accepted: 1, acceptedWithoutReview: 0, acceptedFirstPass: 1 });
    const actions = (await getImageHistory({ actor: manager!, imageId: skipped.imageId })).entries.map((entry) => entry.action);
    expect(actions).toEqual(["task.claim", "task.submit", "review.request", "task.claim", "review.accept"]);
  });

  it("with a trust level, reviews everything from an annotator until their reviewed work is accepted as handed in often enough", async () => {
    const { a, b, reviewer, projectId } = await setup({ review: { percent: 0, firstHandIns: 0, trustAt: 80 } }, 8);
    // Nobody has reviewed work yet: both are reviewed.
    const fromA = await handIn(a, projectId);
    const fromB = await handIn(b, projectId);
    expect([fromA.result.reviewed, fromB.result.reviewed]).toEqual([true, true]);
    for (let i = 0; i < 2; i++) {
      const review = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
      if (review.imageId === fromB.imageId) {
        // The reviewer deletes b's mask before accepting: not accepted as handed in.
        await db().annotation.updateMany({ where: { imageId: fromB.imageId }, data: { deletedAt: new Date() } });
      }
      await acceptReview({ actor: reviewer, taskId: review.id });
    }
    // a's one reviewed hand-in was accepted as is (100% >= 80%): sampled like everyone else now. b's was not: still reviewed.
    expect((await handIn(a, projectId, () => 0.5)).result.reviewed).toBe(false);
    expect((await handIn(b, projectId, () => 0.5)).result.reviewed).toBe(true);
    // The Analytics tab shows the same standing the next hand-in will meet.
    const stats = await countReviewSampling({ projectId });
    expect(stats?.sampling).toEqual({ percent: 0, firstHandIns: 0, trustAt: 80 });
    expect(stats?.annotators.map(({ userId, acceptedWithoutReview, recentReviewed, recentAsHandedIn, trusted }) => ({ userId, acceptedWithoutReview, recentReviewed, recentAsHandedIn, trusted }))).toEqual(
      [
        { userId: a.id, acceptedWithoutReview: 1, recentReviewed: 1, recentAsHandedIn: 1, trusted: true },
        { userId: b.id, acceptedWithoutReview: 0, recentReviewed: 1, recentAsHandedIn: 0, trusted: false },
      ], // by name: "annotator 0" is a, "annotator 1" is b
    );
  });

  it("counts an image accepted without review toward automatic detector retraining", async () => {
    const { a, projectId } = await setup({ review: { percent: 0, firstHandIns: 0 }, detector: { autoTrainAfterAcceptedImages: 1 } });
    expect(await db().detectorVersion.count({ where: { projectId } })).toBe(0);
    expect((await handIn(a, projectId)).result.reviewed).toBe(false);
    expect(await db().detectorVersion.findMany({ where: { projectId }, select: { status: true } })).toEqual([{ status: "training" }]);
  });

  it("is set by managers only, within 0-100%, and shown to them only", async () => {
    const { a, projectId } = await setup({});
    const [manager] = await createFastUsers("manager", 1);
    await db().membership.create({ data: { projectId, userId: manager!.id, role: "manager" } });
    const input = { projectId, name: "Sampled", description: "" };
    await expect(updateProject({ actor: manager!, input: { ...input, reviewSampling: { percent: 150, firstHandIns: 0 } } })).rejects.toThrow(/cannot be above 100%/);
    await expect(updateProject({ actor: a, input: { ...input, reviewSampling: { percent: 10, firstHandIns: 0 } } })).rejects.toMatchObject({ code: "forbidden" });
    await updateProject({ actor: manager!, input: { ...input, reviewSampling: { percent: 25, firstHandIns: 5 } } });
    expect((await getProjectOverview({ actor: manager!, projectId })).reviewSampling).toEqual({ percent: 25, firstHandIns: 5, trustAt: 0 });
    expect((await getProjectOverview({ actor: a, projectId })).reviewSampling).toBeNull();
    // The hand-in rules saved before stay as they were.
    const settings = (await db().project.findUniqueOrThrow({ where: { id: projectId } })).settings as Record<string, unknown>;
    expect(Object.keys(settings)).toEqual(["review"]);
  });
});
