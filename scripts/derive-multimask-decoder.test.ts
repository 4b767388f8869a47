// The derived decoder must be a drop-in replacement: same original outputs
// on the same inputs, plus candidates that contain the selected mask.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getModelEntry, loadModelManifest, resolveModelFiles } from "@/server/sam/load-model-manifest";
import { deriveMultimaskDecoder, MULTIMASK_OUTPUTS } from "./derive-multimask-decoder";

type Feeds = Record<string, ort.Tensor>;

function feedsFor({ seed, points, labels, withMask }: { seed: number; points: number[]; labels: number[]; withMask: boolean }): Feeds {
  // A deterministic, embedding-like field (values ~N(0, 0.5)).
  const embedding = new Float32Array(256 * 64 * 64);
  for (let i = 0; i < embedding.length; i++) embedding[i] = 0.5 * Math.sin(i * 0.0137 * seed + seed) * Math.cos(i * 0.00071);
  const mask = new Float32Array(256 * 256);
  if (withMask) for (let i = 0; i < mask.length; i++) mask[i] = ((i % 256) - 128) / 16;
  return {
    image_embeddings: new ort.Tensor("float32", embedding, [1, 256, 64, 64]),
    point_coords: new ort.Tensor("float32", Float32Array.from(points), [1, labels.length, 2]),
    point_labels: new ort.Tensor("float32", Float32Array.from(labels), [1, labels.length]),
    mask_input: new ort.Tensor("float32", mask, [1, 1, 256, 256]),
    has_mask_input: new ort.Tensor("float32", new Float32Array([withMask ? 1 : 0]), [1]),
    orig_im_size: new ort.Tensor("float32", new Float32Array([480, 640]), [2]),
  };
}

function maxAbsDiff(a: ort.Tensor, b: ort.Tensor): number {
  const x = a.data as Float32Array;
  const y = b.data as Float32Array;
  expect(x.length).toBe(y.length);
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs((x[i] as number) - (y[i] as number)));
  return max;
}

describe("derive-multimask-decoder", () => {
  let tempDir: string;
  let derivedPath: string;
  let original: ort.InferenceSession;
  let derived: ort.InferenceSession;

  beforeAll(async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "maskwright-derive-"));
    derivedPath = path.join(tempDir, "multimask.onnx");
    const result = await deriveMultimaskDecoder({ outputPath: derivedPath });
    expect(result.skipped).toBe(false);
    const files = await resolveModelFiles({ verify: ["decoder"] });
    const options = { graphOptimizationLevel: "all", intraOpNumThreads: 1 } as const;
    original = await ort.InferenceSession.create(files.decoderPath, options);
    derived = await ort.InferenceSession.create(derivedPath, options);
  });
  afterAll(async () => {
    await original?.release();
    await derived?.release();
    await rm(tempDir, { recursive: true, force: true });
  });

  it("writes exactly the file the manifest pins, and skips when up to date", async () => {
    const model = getModelEntry({ manifest: await loadModelManifest() });
    const again = await deriveMultimaskDecoder({ outputPath: derivedPath });
    expect(again).toEqual({ outputPath: derivedPath, sha256: model.multimaskDecoder.sha256, skipped: true });
  });

  it("adds the candidate outputs after the original ones", () => {
    expect(derived.outputNames.slice(0, 3)).toEqual(original.outputNames);
    expect(derived.outputNames.slice(3)).toEqual([
      MULTIMASK_OUTPUTS.lowResMasks,
      MULTIMASK_OUTPUTS.iouPredictions,
      MULTIMASK_OUTPUTS.selectedIndex,
    ]);
    expect(derived.inputNames).toEqual(original.inputNames);
  });

  const cases = [
    // 1 click + padding point: the graph picks the best of candidates 1..3.
    { name: "one click", seed: 1, points: [320, 500, 0, 0], labels: [1, -1], withMask: false },
    // 3+ points: the graph forces candidate 0 (single-mask output).
    { name: "three clicks + mask input", seed: 2, points: [300, 400, 600, 500, 100, 100, 0, 0], labels: [1, 1, 0, -1], withMask: true },
    { name: "box", seed: 3, points: [200, 300, 700, 650], labels: [2, 3], withMask: false },
  ];

  it.each(cases)("keeps original outputs and exposes the selected candidate ($name)", async (c) => {
    const feeds = feedsFor(c);
    const a = await original.run(feeds);
    const b = await derived.run(feeds);
    for (const name of original.outputNames) {
      expect(maxAbsDiff(a[name] as ort.Tensor, b[name] as ort.Tensor), name).toBeLessThan(1e-5);
    }
    const ious = b[MULTIMASK_OUTPUTS.iouPredictions]?.data as Float32Array;
    const candidates = b[MULTIMASK_OUTPUTS.lowResMasks] as ort.Tensor;
    expect(candidates.dims).toEqual([1, 4, 256, 256]);
    expect(ious.length).toBe(4);
    const chosen = Number((b[MULTIMASK_OUTPUTS.selectedIndex]?.data as BigInt64Array)[0]);

    // SAM's export rule: argmax(iou + (numPoints - 2.5) * [1000, 0, 0, 0]).
    const numPoints = c.labels.length;
    const scores = Array.from(ious, (v, i) => v + (i === 0 ? (numPoints - 2.5) * 1000 : 0));
    expect(chosen).toBe(scores.indexOf(Math.max(...scores)));

    const selected = (a.low_res_masks as ort.Tensor).data as Float32Array;
    const plane = 256 * 256;
    const candidate = (candidates.data as Float32Array).subarray(chosen * plane, (chosen + 1) * plane);
    let diff = 0;
    for (let i = 0; i < plane; i++) diff = Math.max(diff, Math.abs((selected[i] as number) - (candidate[i] as number)));
    expect(diff).toBeLessThan(1e-5);
    expect(ious[chosen]).toBeCloseTo((a.iou_predictions?.data as Float32Array)[0] as number, 5);
  });
});
