// Automatic detector retraining from the review flow on real Postgres: with
// settings.detector.autoTrainAfterAcceptedImages = N, accepting the N-th
// image queues a training job (a "training" DetectorVersion and its
// train-detector job), fewer accepts do not, and an accept never fails
// because retraining could not start.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../db/client";
import { queue, stopQueue } from "../jobs/queue";
import { claimNextTask } from "../tasks/claim-next-task";
import { submitTask } from "../tasks/submit-task";
import { batchEverything, createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { acceptReview } from "./accept-review";
import { closeTestDb } from "../testing/close-test-db";

const failure = vi.hoisted(() => ({ next: null as Error | null }));
vi.mock("../detector/maybe-start-auto-training", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../detector/maybe-start-auto-training")>();
  return {
    maybeStartAutoTraining: async (options: { projectId: string }) => {
      const error = failure.next;
      failure.next = null;
      if (error) throw error;
      return actual.maybeStartAutoTraining(options);
    },
  };
});

beforeAll(async () => {
  await queue(); // installs the pgboss schema the checks read
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function setup(options: { images: number; autoTrainAfter: number }) {
  const [annotator] = await createFastUsers("annotator", 1);
  const [reviewer] = await createFastUsers("reviewer", 1);
  const { project, imageIds } = await createQueueProject({
    members: [
      { actor: annotator!, role: "annotator" },
      { actor: reviewer!, role: "reviewer" },
    ],
    images: options.images,
  });
  await db().project.update({ where: { id: project.id }, data: { settings: { detector: { autoTrainAfterAcceptedImages: options.autoTrainAfter } } } });
  await batchEverything({ projectId: project.id });
  return { annotator: annotator!, reviewer: reviewer!, projectId: project.id, imageIds };
}

/** Annotate (one mask), submit and accept the next image of the project. */
async function acceptNext(ctx: Awaited<ReturnType<typeof setup>>) {
  const work = (await claimNextTask({ actor: ctx.annotator, projectId: ctx.projectId, prefetch: false })).task!;
  await db().annotation.create({
    data: { projectId: ctx.projectId, imageId: work.imageId, rleCounts: "0", maskHeight: 480, maskWidth: 640, bbox: [0, 0, 10, 10], area: 100, authorId: ctx.annotator.id },
  });
  await submitTask({ actor: ctx.annotator, taskId: work.id });
  const review = (await claimNextTask({ actor: ctx.reviewer, projectId: ctx.projectId, input: { stage: "review" } })).task!;
  return acceptReview({ actor: ctx.reviewer, taskId: review.id });
}

async function trainingState(projectId: string) {
  const versions = await db().detectorVersion.findMany({ where: { projectId }, select: { id: true, status: true, createdById: true } });
  const jobs = await db().$queryRaw<{ versionId: string }[]>`
    SELECT data->>'detectorVersionId' AS "versionId" FROM pgboss.job
    WHERE name = 'train-detector' AND data->>'detectorVersionId' IN (SELECT id FROM "DetectorVersion" WHERE "projectId" = ${projectId})`;
  return { versions, jobs: jobs.map((job) => job.versionId) };
}

describe("automatic training after accepted images", () => {
  it("queues one training job on the N-th accepted image, not before", async () => {
    const ctx = await setup({ images: 4, autoTrainAfter: 3 });
    await acceptNext(ctx);
    await acceptNext(ctx);
    expect(await trainingState(ctx.projectId)).toEqual({ versions: [], jobs: [] });
    const third = await acceptNext(ctx);
    expect(third.annotate.status).toBe("accepted");
    const { versions, jobs } = await trainingState(ctx.projectId);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ status: "training", createdById: null });
    expect(jobs).toEqual([versions[0]!.id]);
    // While that version trains, a further accept starts nothing new.
    await acceptNext(ctx);
    expect((await trainingState(ctx.projectId)).versions).toHaveLength(1);
  });

  it("does nothing when the setting is off (0)", async () => {
    const ctx = await setup({ images: 2, autoTrainAfter: 0 });
    await acceptNext(ctx);
    await acceptNext(ctx);
    expect(await trainingState(ctx.projectId)).toEqual({ versions: [], jobs: [] });
  });

  it("keeps the accept when starting the training throws", async () => {
    const ctx = await setup({ images: 1, autoTrainAfter: 1 });
    failure.next = new Error("queue down");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const accepted = await acceptNext(ctx);
      expect(accepted.annotate.status).toBe("accepted");
      expect(errors).toHaveBeenCalledWith(expect.stringContaining("automatic detector training"), "queue down");
    } finally {
      errors.mockRestore();
    }
    const task = await db().task.findFirstOrThrow({ where: { projectId: ctx.projectId, stage: "annotate" }, select: { status: true } });
    expect(task.status).toBe("accepted");
    expect(await trainingState(ctx.projectId)).toEqual({ versions: [], jobs: [] });
  });
});
