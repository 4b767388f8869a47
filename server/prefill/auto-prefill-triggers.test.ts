// Automatic pre-fill on real Postgres and the real job queue: an image's
// embedding becoming ready queues its pre-fill where the project wants it
// (active detector, or the grid when explicitly on), once per image; a
// detector version being activated queues the project's untouched images.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";

process.env.MASKWRIGHT_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "mw-auto-prefill-"));

const { db } = await import("../db/client");
const { queue, stopQueue } = await import("../jobs/queue");
const { putEmbedding, putObject, embeddingKeyFor } = await import("../storage/content-store");
const { createTestProject, createTestUser } = await import("../testing/fixtures/image-test-project");
const { runEncodeImageJob } = await import("../sam/encode-image-job");
const { activateDetectorVersion } = await import("../detector/activate-detector-version");
const { autoPrefillApplies } = await import("./auto-prefill-enabled");
const { closeTestDb } = await import("../testing/close-test-db");

type ImageState = "fresh" | "started" | "submitted" | "annotated" | "prefilled" | "prefill-touched";

beforeAll(async () => {
  await queue(); // installs the pgboss schema the checks read
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function project(settings: object = {}, detector: "active" | "trained" | "none" = "none") {
  const manager = await createTestUser();
  const created = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
  await db().project.update({ where: { id: created.id }, data: { settings } });
  let versionId: string | null = null;
  if (detector !== "none") {
    const row = await db().detectorVersion.create({
      data: { projectId: created.id, version: 1, status: detector, sourceModelId: created.modelId, weightsKey: `detectors/fake-${randomUUID()}.json`, activatedAt: detector === "active" ? new Date() : null },
    });
    versionId = row.id;
  }
  return { projectId: created.id, modelId: created.modelId, manager, versionId };
}

async function addImage(projectId: string, state: ImageState, sha256 = randomUUID().replace(/-/g, "").padEnd(64, "0")) {
  const image = await db().image.create({
    data: { projectId, sha256, fileName: `${state}.png`, mime: "image/png", byteSize: 1, width: 40, height: 30, storageKey: `objects/${sha256.slice(0, 2)}/${sha256}` },
  });
  const status = { fresh: "todo", started: "in_progress", submitted: "submitted" } as const;
  if (state in status) await db().task.create({ data: { projectId, imageId: image.id, stage: "annotate", status: status[state as keyof typeof status] } });
  const mask = { projectId, imageId: image.id, rleCounts: "0", maskHeight: 30, maskWidth: 40, bbox: [1, 1, 10, 10], area: 100 };
  if (state === "annotated") await db().annotation.create({ data: { ...mask, source: "manual" } });
  if (state === "prefilled") await db().annotation.create({ data: { ...mask, source: "prefill" } });
  if (state === "prefill-touched") await db().annotation.create({ data: { ...mask, source: "prefill", version: 2 } });
  return { imageId: image.id, sha256 };
}

/** A stored, finished embedding: the encode job then finds it ready ("skipped") without running the encoder. */
async function embeddingReady(modelId: string, sha256: string) {
  await putEmbedding({ modelId, imageSha256: sha256, bytes: new Uint8Array([1, 2, 3]) });
  await db().embedding.create({ data: { modelId, imageSha256: sha256, status: "done", storageKey: embeddingKeyFor({ modelId, imageSha256: sha256 }), byteSize: 3 } });
}

async function queuedPrefill(imageIds: string[]): Promise<string[]> {
  const rows = await db().$queryRaw<{ imageId: string }[]>`
    SELECT data->>'imageId' AS "imageId" FROM pgboss.job
    WHERE name = 'prefill-image' AND state = 'created' AND data->>'imageId' = ANY(${imageIds})`;
  return rows.map((row) => row.imageId).sort();
}

describe("which projects pre-fill by themselves", () => {
  it("follows autoPrefill, the source and whether a detector is active", () => {
    const cases = [
      { mode: "detector", source: "auto", hasDetector: true, expected: true },
      { mode: "detector", source: "auto", hasDetector: false, expected: false },
      { mode: "detector", source: "grid", hasDetector: true, expected: false },
      { mode: "always", source: "grid", hasDetector: false, expected: true },
      { mode: "always", source: "auto", hasDetector: false, expected: true },
      { mode: "always", source: "detector", hasDetector: false, expected: false },
      { mode: "detector", source: "detector", hasDetector: true, expected: true },
      { mode: "off", source: "auto", hasDetector: true, expected: false },
      // A user ONNX detector counts as active while its file is there.
      { mode: "detector", source: "onnx:yolo", hasDetector: true, expected: true },
      { mode: "always", source: "onnx:yolo", hasDetector: false, expected: false },
      { mode: "off", source: "onnx:yolo", hasDetector: true, expected: false },
    ] as const;
    for (const { expected, ...input } of cases) expect({ input, applies: autoPrefillApplies(input) }).toEqual({ input, applies: expected });
  });
});

describe("embedding ready -> pre-fill", () => {
  it("queues images nobody started in a project with an active detector, once each", async () => {
    const p = await project({}, "active");
    const images = await Promise.all((["fresh", "started", "submitted", "annotated", "prefilled"] as const).map((state) => addImage(p.projectId, state)));
    const ids = images.map((image) => image.imageId);
    for (const image of images) {
      await embeddingReady(p.modelId, image.sha256);
      expect((await runEncodeImageJob({ modelId: p.modelId, imageSha256: image.sha256, imageId: image.imageId })).status).toBe("skipped");
    }
    expect(await queuedPrefill(ids)).toEqual([images[0]!.imageId]);
    // The embedding reported ready again (a prefetch, a retry): still one queued job.
    await runEncodeImageJob({ modelId: p.modelId, imageSha256: images[0]!.sha256, imageId: images[0]!.imageId });
    expect(await queuedPrefill(ids)).toEqual([images[0]!.imageId]);
  });

  it("covers every copy of the picture, in each project on that model that wants it", async () => {
    const wanting = await project({}, "active");
    const grid = await project({ prefill: { source: "grid", autoPrefill: "always" } });
    const without = await project();
    const a = await addImage(wanting.projectId, "fresh");
    const b = await addImage(grid.projectId, "fresh", a.sha256);
    const c = await addImage(without.projectId, "fresh", a.sha256);
    await embeddingReady(wanting.modelId, a.sha256);
    await runEncodeImageJob({ modelId: wanting.modelId, imageSha256: a.sha256, imageId: c.imageId });
    expect(await queuedPrefill([a.imageId, b.imageId, c.imageId])).toEqual([a.imageId, b.imageId].sort());
  });

  it("leaves projects alone without a usable detector, on the grid by default, or with autoPrefill off", async () => {
    const cases = [
      await project(),
      await project({}, "trained"),
      await project({ prefill: { source: "grid" } }, "active"),
      await project({ prefill: { autoPrefill: "off" } }, "active"),
      await project({ prefill: { source: "detector", autoPrefill: "always" } }),
    ];
    const ids: string[] = [];
    for (const p of cases) {
      const image = await addImage(p.projectId, "fresh");
      ids.push(image.imageId);
      await embeddingReady(p.modelId, image.sha256);
      await runEncodeImageJob({ modelId: p.modelId, imageSha256: image.sha256, imageId: image.imageId });
    }
    expect(await queuedPrefill(ids)).toEqual([]);
  });

  it("queues when the encoder has just computed the embedding (real encoder)", async () => {
    const p = await project({}, "active");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="120"><rect width="160" height="120" fill="#8ac"/><circle cx="80" cy="60" r="30" fill="#c33"/></svg>`;
    const bytes = await sharp(Buffer.from(svg)).png().toBuffer();
    const stored = await putObject({ bytes });
    const image = await db().image.create({
      data: { projectId: p.projectId, sha256: stored.sha256, fileName: "real.png", mime: "image/png", byteSize: bytes.length, width: 160, height: 120, storageKey: stored.key },
    });
    expect(await queuedPrefill([image.id])).toEqual([]);
    expect((await runEncodeImageJob({ modelId: p.modelId, imageSha256: stored.sha256, imageId: image.id })).status).toBe("done");
    expect(await queuedPrefill([image.id])).toEqual([image.id]);
  }, 120_000);
});

describe("detector activated -> pre-fill", () => {
  it("queues the images nobody started, including ones with an untouched older pre-fill", async () => {
    const p = await project({}, "trained");
    const states = ["fresh", "prefilled", "started", "submitted", "annotated", "prefill-touched"] as const;
    const images = await Promise.all(states.map((state) => addImage(p.projectId, state)));
    const activated = await activateDetectorVersion({ actor: p.manager, projectId: p.projectId, versionId: p.versionId! });
    expect(activated).toMatchObject({ status: "active", prefillQueued: 3 });
    // The pre-fill job itself skips the image whose pre-fill was acted on.
    expect(await queuedPrefill(images.map((image) => image.imageId))).toEqual([images[0]!.imageId, images[1]!.imageId, images[5]!.imageId].sort());
    // Activating the active version again queues nothing new.
    expect(await activateDetectorVersion({ actor: p.manager, projectId: p.projectId, versionId: p.versionId! })).toMatchObject({ prefillQueued: 0 });
  });

  it("queues nothing where pre-fill would not use the detector or is off", async () => {
    for (const settings of [{ prefill: { source: "grid" } }, { prefill: { autoPrefill: "off" } }]) {
      const p = await project(settings, "trained");
      const image = await addImage(p.projectId, "fresh");
      expect(await activateDetectorVersion({ actor: p.manager, projectId: p.projectId, versionId: p.versionId! })).toMatchObject({ status: "active", prefillQueued: 0 });
      expect(await queuedPrefill([image.imageId])).toEqual([]);
    }
  });
});
