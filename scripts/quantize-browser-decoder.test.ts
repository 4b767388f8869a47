// The int8 browser decoder: weights quantise within half a step, and the
// quantised graph runs and segments like the fp32 one.
import { readFile } from "node:fs/promises";
import ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeMaskIoU } from "@/lib/sam/mask-iou";
import { computeResizeGeometry } from "@/lib/sam/prompt-transform";
import { createDecoderSession, type DecoderSession } from "@/server/sam/create-decoder-session";
import { createEncoderSession } from "@/server/sam/create-encoder-session";
import { decodePrompt } from "@/server/sam/decode-prompt";
import { encodeImage } from "@/server/sam/encode-image";
import { resolveModelFiles } from "@/server/sam/load-model-manifest";
import { createSyntheticImage, type SyntheticImage } from "@/server/sam/testing/create-synthetic-image";
import { deriveMultimaskDecoder } from "./derive-multimask-decoder";
import { quantizeMatMulWeights, quantizePerColumn } from "./quantize-browser-decoder";

describe("quantizePerColumn", () => {
  it("keeps every weight within half a quantisation step, per column", () => {
    const weights = Float32Array.from([0.5, -2, 0, 0.01, -0.25, 4, 0.125, 0]);
    const { q, scales } = quantizePerColumn(weights, 4, 2);
    expect([...scales].map((s) => s * 127)).toEqual([expect.closeTo(0.5, 6), expect.closeTo(4, 6)]);
    for (let i = 0; i < weights.length; i++) {
      const scale = scales[i % 2] as number;
      expect(Math.abs((q[i] as number) * scale - (weights[i] as number))).toBeLessThanOrEqual(scale / 2 + 1e-7);
    }
    // An all-zero column gets scale 1 (no division by zero) and zeros.
    const zero = quantizePerColumn(new Float32Array(4), 2, 2);
    expect([...zero.scales]).toEqual([1, 1]);
    expect([...zero.q]).toEqual([0, 0, 0, 0]);
  });
});

describe("int8 browser decoder", () => {
  let fp32: DecoderSession;
  let int8: DecoderSession;
  let quantizedMatMuls = 0;
  let rewrites = { convTransposes: 0, biases: 0 };
  let sizes: [number, number] = [0, 0];
  let image: SyntheticImage;
  let embedding: Float32Array;

  beforeAll(async () => {
    await deriveMultimaskDecoder(); // no-op when up to date
    const files = await resolveModelFiles({ verify: ["multimaskDecoder"] });
    const source = await readFile(files.multimaskDecoderPath);
    const quantized = quantizeMatMulWeights({ modelBytes: source, sourceSha256: files.model.multimaskDecoder.sha256 });
    quantizedMatMuls = quantized.quantizedMatMuls;
    rewrites = { convTransposes: quantized.rewrittenConvTransposes, biases: quantized.fusedBiases };
    sizes = [source.length, quantized.bytes.length];
    fp32 = await createDecoderSession({ intraOpNumThreads: 1 });
    const session = await ort.InferenceSession.create(quantized.bytes, { graphOptimizationLevel: "all", intraOpNumThreads: 1 });
    int8 = { ...fp32, session, modelPath: "(memory)" };
    image = await createSyntheticImage({ shape: "ellipse", color: [40, 160, 60], width: 480, height: 360, seed: 7 });
    const encoder = await createEncoderSession();
    embedding = (await encodeImage({ encoder, image: image.bytes })).embedding;
    await encoder.session.release();
  });

  afterAll(async () => {
    await fp32?.session.release();
    await int8?.session.release();
  });

  it("replaces the large MatMuls and shrinks the file", () => {
    expect(quantizedMatMuls).toBeGreaterThanOrEqual(20);
    // SAM's two upscaling ConvTransposes, and most projection biases.
    expect(rewrites.convTransposes).toBe(2);
    expect(rewrites.biases).toBeGreaterThanOrEqual(20);
    expect(sizes[1]).toBeLessThan(sizes[0] * 0.5);
  });

  it("segments the shape like the fp32 decoder", async () => {
    const geometry = computeResizeGeometry({ width: image.width, height: image.height, inputSize: 1024 });
    const points = [{ x: image.center.x, y: image.center.y, positive: true }];
    const [a, b] = [await decodePrompt({ decoder: fp32, embedding, geometry, points }), await decodePrompt({ decoder: int8, embedding, geometry, points })];
    const threshold = (logits: Float32Array) => logits.map((v) => (v > 0 ? 1 : 0));
    const [maskA, maskB] = [threshold(a.maskLogits), threshold(b.maskLogits)];
    expect(computeMaskIoU({ a: maskA, b: maskB })).toBeGreaterThan(0.97);
    expect(computeMaskIoU({ a: maskB, b: image.mask })).toBeGreaterThan(0.85);
    expect(b.chosenIndex).toBe(a.chosenIndex);
    expect(Math.abs(b.iouPrediction - a.iouPrediction)).toBeLessThan(0.05);
  });
});
