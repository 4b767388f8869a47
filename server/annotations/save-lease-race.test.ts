// The lease check and the annotation write commit together (real Postgres):
// a save that passed the check cannot lose its lease before the write lands,
// and a save after the lease was lost writes nothing.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createMask, encodeMaskToRle, paintDisc } from "@/lib/mask";
import { createAnnotationInput, updateAnnotationInput } from "@/lib/schemas/annotations";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { claimNextTask } from "../tasks/claim-next-task";
import { batchEverything, createFastUsers, createQueueProject, expireLease } from "../tasks/testing/queue-fixtures";
import { createAnnotation } from "./create-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { updateAnnotation } from "./update-annotation";

afterAll(async () => {
  await stopQueue();
});

function disc(radius: number) {
  const mask = createMask(640, 480);
  paintDisc(mask, 320, 240, radius, 1);
  return encodeMaskToRle(mask);
}

async function setup() {
  const [a, b] = await createFastUsers("annotator", 2);
  const { project, imageIds } = await createQueueProject({ members: [{ actor: a!, role: "annotator" }, { actor: b!, role: "annotator" }], images: 1 });
  await batchEverything({ projectId: project.id });
  const held = (await claimNextTask({ actor: a!, projectId: project.id, prefetch: false })).task!;
  const created = await createAnnotation({ actor: a!, imageId: imageIds[0]!, input: createAnnotationInput.parse({ id: randomUUID(), labelClassId: null, rle: disc(20), taskId: held.id }) });
  return { a: a!, b: b!, project, imageId: imageIds[0]!, held, annotation: created.annotation };
}

/** Waits until another session of this database (the save: test files run one at a time) waits on the held row lock. */
async function waitForBlockedWrite(client: pg.Client) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND wait_event = 'transactionid'`,
    );
    if (rows[0].n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const { rows } = await client.query(`SELECT state, wait_event_type, wait_event, left(query, 200) AS q FROM pg_stat_activity WHERE datname = current_database()`);
  throw new Error(`the save never reached its write: ${JSON.stringify(rows)}`);
}

describe("lease check inside the save transaction", () => {
  it("a save that passed the check keeps the task until it commits: a claim meanwhile skips it", async () => {
    const { a, b, project, held, annotation } = await setup();
    // The lease runs out while the save is stuck between its check and its write.
    await db().$executeRaw`UPDATE "Task" SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + interval '2 seconds' WHERE id = ${held.id}`;
    const leaseEnds = Date.now() + 2000;
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT id FROM "Annotation" WHERE id = $1 FOR UPDATE`, [annotation.id]);
      const save = updateAnnotation({ actor: a, annotationId: annotation.id, input: updateAnnotationInput.parse({ version: 1, rle: disc(30), taskId: held.id }) }).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      await waitForBlockedWrite(blocker);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, leaseEnds - Date.now()) + 200));
      // Without the lock taken by the save's own check, b would get the image here and a's write would still land.
      const claim = await claimNextTask({ actor: b, projectId: project.id, prefetch: false });
      await blocker.query("COMMIT");
      const saved = await save;
      expect(claim.task).toBeNull();
      expect(saved.ok).toBe(true);
      expect((await db().annotation.findUniqueOrThrow({ where: { id: annotation.id } })).version).toBe(2);
    } finally {
      await blocker.end();
    }
    // Committed: now the expired lease is b's to take, and a's next save is refused.
    expect((await claimNextTask({ actor: b, projectId: project.id, prefetch: false })).task?.id).toBe(held.id);
    await expect(updateAnnotation({ actor: a, annotationId: annotation.id, input: updateAnnotationInput.parse({ version: 2, rle: disc(10), taskId: held.id }) })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/lease on this image expired/),
    });
  });

  it("after the lease was lost, create, update and delete are 409 and write nothing", async () => {
    const { a, b, project, imageId, held, annotation } = await setup();
    await expireLease(held.id);
    expect((await claimNextTask({ actor: b, projectId: project.id, prefetch: false })).task?.id).toBe(held.id);
    const lost = { status: 409, message: expect.stringMatching(/handed to someone else/) };
    const newId = randomUUID();
    await expect(createAnnotation({ actor: a, imageId, input: createAnnotationInput.parse({ id: newId, labelClassId: null, rle: disc(12), taskId: held.id }) })).rejects.toMatchObject(lost);
    await expect(updateAnnotation({ actor: a, annotationId: annotation.id, input: updateAnnotationInput.parse({ version: 1, rle: disc(30), taskId: held.id }) })).rejects.toMatchObject(lost);
    await expect(deleteAnnotation({ actor: a, annotationId: annotation.id, version: 1, taskId: held.id })).rejects.toMatchObject(lost);
    expect(await db().annotation.count({ where: { id: newId } })).toBe(0);
    expect(await db().annotation.findUniqueOrThrow({ where: { id: annotation.id } })).toMatchObject({ version: 1, deletedAt: null, rleCounts: annotation.rle.counts });
    // The new holder saves normally.
    await expect(createAnnotation({ actor: b, imageId, input: createAnnotationInput.parse({ id: newId, labelClassId: null, rle: disc(12), taskId: held.id }) })).resolves.toMatchObject({ status: "created" });
  });
});
