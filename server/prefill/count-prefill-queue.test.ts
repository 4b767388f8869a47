// Pre-fill queue counts on real Postgres and the real job queue (no worker
// runs here, so jobs stay where the test puts them): per project, per image,
// and only jobs still to do or running.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";

const { db } = await import("../db/client");
const { queue, stopQueue, enqueueJob } = await import("../jobs/queue");
const { JOBS } = await import("../jobs/job-names");
const { createTestProject, createTestUser } = await import("../testing/fixtures/image-test-project");
const { countPrefillQueue } = await import("./count-prefill-queue");
const { getPrefillOutcomes } = await import("./get-prefill-outcomes");
const { closeTestDb } = await import("../testing/close-test-db");

beforeAll(async () => {
  await queue();
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function addImage(projectId: string): Promise<string> {
  const sha256 = randomUUID().replace(/-/g, "").padEnd(64, "0");
  const image = await db().image.create({
    data: { projectId, sha256, fileName: "queued.png", mime: "image/png", byteSize: 1, width: 40, height: 30, storageKey: `objects/${sha256.slice(0, 2)}/${sha256}` },
  });
  return image.id;
}

async function setState(imageId: string, state: "active" | "completed" | "failed", output: object | null = null): Promise<void> {
  const updated = await db().$executeRaw`UPDATE pgboss.job SET state = ${state}::pgboss.job_state, output = ${output === null ? null : JSON.stringify(output)}::jsonb,
    completed_on = CASE WHEN ${state} = 'active' THEN NULL ELSE now() END
    WHERE name = ${JOBS.prefillImage} AND data->>'imageId' = ${imageId} AND state IN ('created', 'active')`;
  expect(updated).toBe(1);
}

describe("countPrefillQueue", () => {
  it("counts a project's images waiting for and running pre-fill, not finished ones or other projects'", async () => {
    const manager = await createTestUser();
    const annotator = await createTestUser();
    const mine = await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] });
    const other = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    expect(await countPrefillQueue({ projectId: mine.id })).toEqual({ waiting: 0, running: 0, failed: 0, lastError: null });

    const images = [await addImage(mine.id), await addImage(mine.id), await addImage(mine.id), await addImage(mine.id), await addImage(mine.id)];
    const elsewhere = await addImage(other.id);
    for (const imageId of [...images, elsewhere]) expect(await enqueueJob(JOBS.prefillImage, { imageId }, { singletonKey: `prefill:${imageId}` })).not.toBeNull();
    // The same image queued again while its job waits is one image, and "stately" keeps it one job.
    await enqueueJob(JOBS.prefillImage, { imageId: images[0]! }, { singletonKey: `prefill:${images[0]}` });
    await setState(images[1]!, "active");
    await setState(images[2]!, "completed");
    await setState(images[3]!, "failed", { message: "decoder session lost" });

    expect(await countPrefillQueue({ projectId: mine.id })).toEqual({ waiting: 2, running: 1, failed: 1, lastError: "decoder session lost" });
    expect(await countPrefillQueue({ projectId: other.id })).toEqual({ waiting: 1, running: 0, failed: 0, lastError: null });
    // A re-run queued behind the running job: still one image, and it is running.
    expect(await enqueueJob(JOBS.prefillImage, { imageId: images[1]! }, { singletonKey: `prefill:${images[1]}` })).not.toBeNull();
    expect(await countPrefillQueue({ projectId: mine.id })).toMatchObject({ waiting: 2, running: 1 });
    // Queuing the failed image again supersedes its failure: it is waiting, not failed.
    expect(await enqueueJob(JOBS.prefillImage, { imageId: images[3]! }, { singletonKey: `prefill:${images[3]}` })).not.toBeNull();
    expect(await countPrefillQueue({ projectId: mine.id })).toEqual({ waiting: 3, running: 1, failed: 0, lastError: null });

    // The manager's panel reads it with the outcomes; annotators may not.
    expect((await getPrefillOutcomes({ actor: manager, projectId: mine.id })).queue).toMatchObject({ waiting: 3, running: 1 });
    await expect(getPrefillOutcomes({ actor: annotator, projectId: mine.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
