// The annotator queue on real Postgres: order, leases (expiry, heartbeat,
// sweep), skip, the save-time lease rule, embedding prefetch.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { claimNextTask } from "./claim-next-task";
import { heartbeatTask } from "./heartbeat-task";
import { releaseTask } from "./release-task";
import { releaseExpiredLeases } from "./release-expired-leases";
import { skipTask } from "./skip-task";
import { submitTask } from "./submit-task";
import { assertTaskLease } from "./assert-task-lease";
import { getQueueSummary } from "./get-queue-summary";
import { prefetchNextEmbeddings, resetPrefetchMemory } from "./prefetch-next-embeddings";
import { batchEverything, createFastUsers, createQueueProject, expireLease } from "./testing/queue-fixtures";

afterAll(async () => {
  await stopQueue();
});

async function setup(images = 6) {
  const [a, b] = await createFastUsers("annotator", 2);
  const [reviewer] = await createFastUsers("reviewer", 1);
  const [manager] = await createFastUsers("manager", 1);
  const { project, imageIds } = await createQueueProject({
    members: [
      { actor: a!, role: "annotator" },
      { actor: b!, role: "annotator" },
      { actor: reviewer!, role: "reviewer" },
      { actor: manager!, role: "manager" },
    ],
    images,
  });
  return { a: a!, b: b!, reviewer: reviewer!, manager: manager!, project, imageIds };
}

describe("claiming", () => {
  it("queues only batched work: assigned first, then pool by batch priority, task priority, age", async () => {
    const { a, b, project, imageIds } = await setup(6);
    expect((await claimNextTask({ actor: a, projectId: project.id, prefetch: false })).task).toBeNull();
    const low = await db().batch.create({ data: { projectId: project.id, name: "low", priority: 0 } });
    const high = await db().batch.create({ data: { projectId: project.id, name: "high", priority: 5 } });
    const task = (index: number) => ({ projectId: project.id, imageId: imageIds[index]!, stage: "annotate" as const });
    await db().task.updateMany({ where: task(0), data: { batchId: low.id } });
    await db().task.updateMany({ where: task(1), data: { batchId: high.id } });
    await db().task.updateMany({ where: task(2), data: { batchId: high.id, priority: 3 } });
    await db().task.updateMany({ where: task(3), data: { batchId: low.id, assigneeId: a.id } });
    await db().task.updateMany({ where: task(4), data: { batchId: high.id, assigneeId: b.id } });
    // image 5 stays unbatched: never handed out.
    const order: string[] = [];
    for (;;) {
      const claimed = await claimNextTask({ actor: a, projectId: project.id, prefetch: false });
      if (!claimed.task) break;
      order.push(claimed.task.imageId);
      await submitTask({ actor: a, taskId: claimed.task.id });
    }
    expect(order).toEqual([imageIds[3], imageIds[2], imageIds[1], imageIds[0]]);
  });

  it("resumes the task already held instead of taking a second one", async () => {
    const { a, project } = await setup(3);
    await batchEverything({ projectId: project.id });
    const first = await claimNextTask({ actor: a, projectId: project.id, prefetch: false });
    const again = await claimNextTask({ actor: a, projectId: project.id, prefetch: false });
    expect(again.task?.id).toBe(first.task?.id);
    expect(again.resumed).toBe(true);
    expect(await db().task.count({ where: { projectId: project.id, status: "in_progress" } })).toBe(1);
  });

  it("refuses people without a labeling role and outsiders", async () => {
    const { reviewer, project } = await setup(1);
    const [outsider] = await createFastUsers("annotator", 1);
    await expect(claimNextTask({ actor: reviewer, projectId: project.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(claimNextTask({ actor: outsider!, projectId: project.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(claimNextTask({ actor: reviewer, projectId: project.id, input: { stage: "nonsense" as "review" } })).rejects.toThrow();
  });
});

describe("leases", () => {
  it("an expired lease returns the task: someone else claims it and the old holder is refused", async () => {
    const { a, b, project, imageIds } = await setup(1);
    await batchEverything({ projectId: project.id });
    const held = (await claimNextTask({ actor: a, projectId: project.id, prefetch: false })).task!;
    expect((await claimNextTask({ actor: b, projectId: project.id, prefetch: false })).task).toBeNull();
    await assertTaskLease({ actor: a, imageId: imageIds[0]!, taskId: held.id });
    await expireLease(held.id);
    await expect(assertTaskLease({ actor: a, imageId: imageIds[0]!, taskId: held.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/lease on this image expired/) });
    const taken = await claimNextTask({ actor: b, projectId: project.id, prefetch: false });
    expect(taken.task?.id).toBe(held.id);
    expect(taken.task?.assigneeId).toBe(b.id);
    await expect(heartbeatTask({ actor: a, taskId: held.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(submitTask({ actor: a, taskId: held.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(assertTaskLease({ actor: a, imageId: imageIds[0]!, taskId: held.id })).rejects.toMatchObject({ code: "conflict" });
    await assertTaskLease({ actor: b, imageId: imageIds[0]!, taskId: held.id });
    expect((await db().task.findUniqueOrThrow({ where: { id: held.id } })).attempts).toBe(2);
  });

  it("the heartbeat extends the lease, and revives an expired one nobody took", async () => {
    const { a, project } = await setup(1);
    await batchEverything({ projectId: project.id });
    const held = (await claimNextTask({ actor: a, projectId: project.id, prefetch: false })).task!;
    await db().$executeRaw`UPDATE "Task" SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + interval '5 seconds' WHERE id = ${held.id}`;
    const beat = await heartbeatTask({ actor: a, taskId: held.id });
    expect(new Date(beat.leaseExpiresAt).getTime() - Date.now()).toBeGreaterThan(500_000);
    await expireLease(held.id);
    await heartbeatTask({ actor: a, taskId: held.id });
    await submitTask({ actor: a, taskId: held.id });
  });

  it("the sweep returns expired tasks to the pool and audits it", async () => {
    const { a, b, project } = await setup(2);
    const batchId = await batchEverything({ projectId: project.id });
    await db().task.updateMany({ where: { projectId: project.id }, data: { assigneeId: a.id } });
    const held = (await claimNextTask({ actor: a, projectId: project.id, prefetch: false })).task!;
    await expireLease(held.id);
    const released = await releaseExpiredLeases();
    expect(released.map((task) => task.id)).toContain(held.id);
    const row = await db().task.findUniqueOrThrow({ where: { id: held.id } });
    expect(row).toMatchObject({ status: "todo", assigneeId: null, leaseExpiresAt: null, batchId });
    expect(await db().auditEvent.count({ where: { targetId: held.id, action: "task.lease_expired" } })).toBe(1);
    // Back in the pool: b (who was never assigned) gets it.
    expect((await claimNextTask({ actor: b, projectId: project.id, prefetch: false })).task?.id).toBe(held.id);
  });

  it("releasing by hand hands the image to the next person at once", async () => {
    const { a, b, project } = await setup(1);
    await batchEverything({ projectId: project.id });
    const held = (await claimNextTask({ actor: a, projectId: project.id, prefetch: false })).task!;
    await expect(releaseTask({ actor: b, taskId: held.id })).rejects.toMatchObject({ code: "conflict" });
    await releaseTask({ actor: a, taskId: held.id });
    expect((await claimNextTask({ actor: b, projectId: project.id, prefetch: false })).task?.id).toBe(held.id);
  });
});

describe("skip, save rule, queue summary", () => {
  it("skips with a reason and takes the next image; skipped images leave the queue", async () => {
    const { a, project } = await setup(2);
    await batchEverything({ projectId: project.id });
    const first = (await claimNextTask({ actor: a, projectId: project.id, prefetch: false })).task!;
    await expect(skipTask({ actor: a, taskId: first.id, input: { reason: "  " } })).rejects.toThrow(/Say why/);
    const skipped = await skipTask({ actor: a, taskId: first.id, input: { reason: "Too blurry" }, claimNext: true });
    expect(skipped.task).toMatchObject({ status: "skipped" });
    expect(skipped.next?.task?.id).not.toBe(first.id);
    expect((await db().task.findUniqueOrThrow({ where: { id: first.id } })).skipReason).toBe("Too blurry");
    await submitTask({ actor: a, taskId: skipped.next!.task!.id });
    expect((await claimNextTask({ actor: a, projectId: project.id, prefetch: false })).task).toBeNull();
  });

  it("saves need the lease: managers always, reviewers only with the review lease", async () => {
    const { a, b, reviewer, manager, project, imageIds } = await setup(1);
    const imageId = imageIds[0]!;
    await batchEverything({ projectId: project.id });
    await expect(assertTaskLease({ actor: a, imageId })).rejects.toMatchObject({ code: "conflict" });
    expect(await assertTaskLease({ actor: manager, imageId })).toMatchObject({ mode: "manager" });
    const held = (await claimNextTask({ actor: a, projectId: project.id, prefetch: false })).task!;
    expect(await assertTaskLease({ actor: a, imageId })).toEqual({ mode: "lease", taskId: held.id, stage: "annotate" });
    await expect(assertTaskLease({ actor: b, imageId })).rejects.toMatchObject({ code: "conflict" });
    await expect(assertTaskLease({ actor: reviewer, imageId })).rejects.toMatchObject({ code: "conflict" });
    await expect(assertTaskLease({ actor: reviewer, imageId, taskId: held.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(assertTaskLease({ actor: a, imageId: "missing" })).rejects.toMatchObject({ code: "not_found" });
    // Inside a save transaction the row is locked FOR SHARE: a concurrent claim skips it.
    await db().$transaction(async (tx) => {
      await assertTaskLease({ actor: a, imageId, taskId: held.id, tx });
    });
    await submitTask({ actor: a, taskId: held.id });
    await expect(assertTaskLease({ actor: a, imageId })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/submitted/) });
    const review = (await claimNextTask({ actor: reviewer, projectId: project.id, input: { stage: "review" } })).task!;
    expect(await assertTaskLease({ actor: reviewer, imageId, taskId: review.id })).toMatchObject({ mode: "lease", stage: "review" });
  });

  it("summarises the queue for the start page", async () => {
    const { a, b, project } = await setup(4);
    await batchEverything({ projectId: project.id });
    await db().task.updateMany({ where: { projectId: project.id, imageId: { in: (await db().task.findMany({ where: { projectId: project.id }, take: 2, orderBy: { createdAt: "asc" } })).map((t) => t.imageId) } }, data: { assigneeId: a.id } });
    let summary = await getQueueSummary({ actor: a, projectId: project.id });
    expect(summary.annotate).toMatchObject({ assignedToMe: 2, pool: 2, held: null });
    expect(summary.canAnnotate).toBe(true);
    expect(summary.canReview).toBe(false);
    const held = (await claimNextTask({ actor: a, projectId: project.id, prefetch: false })).task!;
    summary = await getQueueSummary({ actor: a, projectId: project.id });
    expect(summary.annotate.held?.id).toBe(held.id);
    expect((await getQueueSummary({ actor: b, projectId: project.id })).annotate).toMatchObject({ assignedToMe: 0, pool: 2, held: null });
  });
});

describe("embedding prefetch", () => {
  it("queues encode-image at priority 10 for the claimed image and the next 3 without an embedding", async () => {
    resetPrefetchMemory();
    const { a, project, imageIds } = await setup(6);
    await batchEverything({ projectId: project.id });
    const images = await db().image.findMany({ where: { id: { in: imageIds } }, select: { id: true, sha256: true } });
    const shaOf = (id: string) => images.find((image) => image.id === id)!.sha256;
    // Image 1 is already encoded: skipped over.
    await db().embedding.create({ data: { modelId: "minisam", imageSha256: shaOf(imageIds[1]!), status: "done" } });
    const sent = await prefetchNextEmbeddings({ projectId: project.id, actorId: a.id, currentImageId: imageIds[0]! });
    expect(sent).toEqual([imageIds[0], imageIds[2], imageIds[3], imageIds[4]]);
    const jobs = await db().$queryRaw<{ imageId: string; priority: number }[]>`
      SELECT data->>'imageId' AS "imageId", priority FROM pgboss.job WHERE name = 'encode-image' AND data->>'imageId' IN (${imageIds[0]!}, ${imageIds[2]!}, ${imageIds[3]!}, ${imageIds[4]!})`;
    expect(jobs).toHaveLength(4);
    expect(jobs.every((job) => job.priority === 10)).toBe(true);
    // A second claim moments later does not queue them again.
    expect(await prefetchNextEmbeddings({ projectId: project.id, actorId: a.id, currentImageId: imageIds[0]! })).toEqual([]);
  });
});

describe("annotation saves through assertEditingAllowed", () => {
  it("an annotator's save after the lease was lost is a 409 with a clear message", async () => {
    const { assertEditingAllowed } = await import("../annotations/assert-editing-allowed");
    const { a, b, project, imageIds } = await setup(1);
    const imageId = imageIds[0]!;
    await batchEverything({ projectId: project.id });
    const held = (await claimNextTask({ actor: a, projectId: project.id, prefetch: false })).task!;
    await assertEditingAllowed({ actor: a, imageId, taskId: held.id });
    await expireLease(held.id);
    await claimNextTask({ actor: b, projectId: project.id, prefetch: false });
    await expect(assertEditingAllowed({ actor: a, imageId, taskId: held.id })).rejects.toMatchObject({ code: "conflict", status: 409, message: expect.stringMatching(/Your lease on this image expired/) });
    await expect(db().$transaction((tx) => assertEditingAllowed({ actor: b, imageId, taskId: held.id, tx }))).resolves.toMatchObject({ taskId: held.id });
  });
});
