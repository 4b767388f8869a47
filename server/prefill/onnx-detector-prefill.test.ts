// A user ONNX detector as the pre-fill source on real Postgres, the real job
// queue and the real SAM encoder and decoder: its box around a generated
// shape becomes a pre-filled mask matching the shape, with the detector
// file recorded; the embedding becoming ready queues the pre-fill like an
// active detector; a missing or broken file is refused (400) or skipped with
// a reason naming it. Detector files go to a temp folder, never models/.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeRleToMask, maskIou } from "@/lib/mask";
import { prefillSettingsPatch } from "@/lib/schemas/detector";

process.env.MASKWRIGHT_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "mw-onnx-prefill-"));
const detectorsDir = mkdtempSync(path.join(os.tmpdir(), "mw-onnx-detectors-"));
process.env.MASKWRIGHT_ONNX_DETECTORS_DIR = detectorsDir;

const { db } = await import("../db/client");
const { queue, stopQueue } = await import("../jobs/queue");
const { putObject, sha256Hex } = await import("../storage/content-store");
const { createTestProject, createTestUser } = await import("../testing/fixtures/image-test-project");
const { createSyntheticImage } = await import("../sam/testing/create-synthetic-image");
const { runEncodeImageJob } = await import("../sam/encode-image-job");
const { runPrefillImageJob } = await import("./run-prefill-image-job");
const { updatePrefillSettings } = await import("./update-prefill-settings");
const { listPrefillAnnotations } = await import("./list-prefill-annotations");
const { listProjectOnnxDetectors } = await import("./list-project-onnx-detectors");
const { buildTinyOnnxDetector, writeTinyOnnxDetector } = await import("./testing/tiny-onnx-detector");
const { closeTestDb } = await import("../testing/close-test-db");

const SIZE = 64;
const WIDTH = 320;
const HEIGHT = 200;

beforeAll(async () => {
  await queue();
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function setup() {
  const manager = await createTestUser();
  const annotator = await createTestUser();
  const project = await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] });
  const shape = await createSyntheticImage({ width: WIDTH, height: HEIGHT, seed: 3 });
  const stored = await putObject({ bytes: shape.bytes });
  const image = await db().image.create({
    data: { projectId: project.id, sha256: stored.sha256, fileName: "shape.png", mime: "image/png", byteSize: shape.bytes.length, width: WIDTH, height: HEIGHT, storageKey: stored.key },
  });
  return { manager, annotator, project, shape, image };
}

async function queuedPrefill(imageId: string): Promise<number> {
  const rows = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM pgboss.job WHERE name = 'prefill-image' AND state = 'created' AND data->>'imageId' = ${imageId}`;
  return Number(rows[0]?.count ?? 0);
}

describe("settings", () => {
  it("accepts auto, detector, grid and onnx:<name>; refuses anything else by name", () => {
    for (const source of ["auto", "detector", "grid", "onnx:yolov8n", "onnx:rt-detr_v2.1"]) expect(prefillSettingsPatch.parse({ source })).toEqual({ source });
    const problem = (source: string) => prefillSettingsPatch.safeParse({ source }).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(problem("yolo")).toEqual(['source: Unknown proposal source "yolo": use "auto", "detector", "grid" or "onnx:<name>".']);
    expect(problem("onnx:../x")).toEqual(['source: Invalid ONNX detector name "../x": 1-64 letters, digits, ".", "_" or "-".']);
    expect(problem("onnx:")).toEqual(['source: Invalid ONNX detector name "": 1-64 letters, digits, ".", "_" or "-".']);
    expect(problem(`onnx:${"a".repeat(65)}`)).toHaveLength(1);
  });
});

describe("pre-fill from a user ONNX detector", () => {
  it("turns its box around the shape into a pre-filled mask (IoU >= 0.9), recording the file", async () => {
    const { manager, annotator, project, shape, image } = await setup();
    // The shape's box with a small margin, in input pixels (scale S / longest side), plus a box below the score.
    const scale = SIZE / WIDTH;
    const margin = 3;
    const box: [number, number, number, number] = [(shape.box.x0 - margin) * scale, (shape.box.y0 - margin) * scale, (shape.box.x1 + margin) * scale, (shape.box.y1 + margin) * scale];
    const model = buildTinyOnnxDetector({ size: SIZE, boxes: [box, [0, 0, 20, 20]], scores: [0.9, 0.1] });
    writeTinyOnnxDetector({ dir: detectorsDir, name: "shapes", model });

    expect(await listProjectOnnxDetectors({ actor: manager, projectId: project.id })).toEqual({
      detectors: [{ name: "shapes", fileName: "shapes.onnx", byteSize: model.byteLength, source: "onnx:shapes" }],
    });
    await expect(listProjectOnnxDetectors({ actor: annotator, projectId: project.id })).rejects.toMatchObject({ code: "forbidden" });
    const saved = await updatePrefillSettings({ actor: manager, projectId: project.id, input: { prefill: { source: "onnx:shapes" } } });
    expect(saved.prefill.source).toBe("onnx:shapes");

    // The real encoder computes the embedding; that queues the pre-fill as an active detector would.
    expect(await queuedPrefill(image.id)).toBe(0);
    expect((await runEncodeImageJob({ modelId: project.modelId, imageSha256: image.sha256, imageId: image.id })).status).toBe("done");
    expect(await queuedPrefill(image.id)).toBe(1);

    const result = await runPrefillImageJob({ imageId: image.id });
    expect(result).toMatchObject({ status: "done", source: "onnx", created: 1 });
    const items = await listPrefillAnnotations({ actor: manager, imageId: image.id });
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item.proposalSource).toBe("onnx");
    expect(item.detectorVersionId).toBeNull();
    expect(item.onnxDetector).toEqual({ file: "shapes.onnx", sha256: sha256Hex(model) });
    expect(item.proposalScore).toBeCloseTo(0.9, 5);
    const promptBox = item.annotation.prompt?.box;
    expect(promptBox?.x0).toBeCloseTo(shape.box.x0 - margin, 3);
    expect(promptBox?.y1).toBeCloseTo(shape.box.y1 + margin, 3);
    const iou = maskIou(decodeRleToMask(item.annotation.rle), { data: shape.mask, width: WIDTH, height: HEIGHT });
    expect(iou).toBeGreaterThanOrEqual(0.9);
  }, 180_000);
});

describe("a missing or broken ONNX detector", () => {
  it("is refused by the settings (400 naming it) and skipped by the job with the reason", async () => {
    const { manager, project, image } = await setup();
    await expect(updatePrefillSettings({ actor: manager, projectId: project.id, input: { prefill: { source: "onnx:nowhere" } } })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/Cannot use ONNX detector "nowhere": ONNX detector nowhere\.onnx not found/),
    });
    writeTinyOnnxDetector({ dir: detectorsDir, name: "broken", model: buildTinyOnnxDetector({ size: SIZE, boxes: [[1, 1, 9, 9]], scores: [1], outputNames: { boxes: "boxes", scores: "confidence" } }) });
    await expect(updatePrefillSettings({ actor: manager, projectId: project.id, input: { prefill: { source: "onnx:broken" } } })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/broken\.onnx: no tensor output named "scores"/),
    });
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).settings).toEqual({});

    // A file removed (or broken) after it was chosen: the job skips the image and says why, writing nothing.
    for (const name of ["nowhere", "broken"]) {
      await db().project.update({ where: { id: project.id }, data: { settings: { prefill: { source: `onnx:${name}` } } } });
      const result = await runPrefillImageJob({ imageId: image.id });
      expect(result).toMatchObject({ status: "skipped", reason: "onnx_detector_unusable", detail: expect.stringContaining(`${name}.onnx`) });
    }
    expect(await db().annotation.count({ where: { imageId: image.id } })).toBe(0);
  });
});
