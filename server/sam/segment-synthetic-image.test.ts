// End-to-end on real ONNX sessions: generated images -> encoder -> decoder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCompactEmbedding } from "@/lib/embedding/compact-embedding";
import { computeMaskIoU } from "@/lib/sam/mask-iou";
import { lowResLogitsToMask, thresholdLogits } from "@/lib/sam/mask-postprocess";
import { deriveMultimaskDecoder } from "@/scripts/derive-multimask-decoder";
import { compressEmbedding } from "./compress-embedding";
import { createDecoderSession, type DecoderSession } from "./create-decoder-session";
import { createEncoderSession, type EncoderSession } from "./create-encoder-session";
import { decodePrompt } from "./decode-prompt";
import { encodeImage, type ImageEmbedding } from "./encode-image";
import { createSyntheticImage, type SyntheticImage } from "./testing/create-synthetic-image";

interface Fixture {
  name: string;
  image: SyntheticImage;
  encoded: ImageEmbedding;
}

describe("SAM on synthetic shapes", () => {
  let encoder: EncoderSession;
  let decoder: DecoderSession;
  const fixtures: Fixture[] = [];

  beforeAll(async () => {
    await deriveMultimaskDecoder(); // no-op when models/derived is up to date
    encoder = await createEncoderSession();
    decoder = await createDecoderSession({ intraOpNumThreads: 1 });
    const specs = [
      { name: "red ellipse, landscape", options: { shape: "ellipse", color: [220, 40, 40], width: 640, height: 480, seed: 1 } },
      { name: "blue rectangle, portrait jpeg", options: { shape: "rectangle", color: [40, 60, 220], width: 360, height: 540, seed: 2, format: "jpeg" } },
    ] as const;
    for (const spec of specs) {
      const image = await createSyntheticImage({ ...spec.options, color: [...spec.options.color] });
      fixtures.push({ name: spec.name, image, encoded: await encodeImage({ encoder, image: image.bytes }) });
    }
  });

  afterAll(async () => {
    await encoder?.session.release();
    await decoder?.session.release();
  });

  it("encodes to a finite [1,256,64,64] embedding with the original geometry", () => {
    for (const { image, encoded } of fixtures) {
      expect(encoded.dims).toEqual([1, 256, 64, 64]);
      expect(encoded.embedding.length).toBe(256 * 64 * 64);
      expect(encoded.embedding.every(Number.isFinite)).toBe(true);
      expect([encoded.width, encoded.height]).toEqual([image.width, image.height]);
      expect(encoded.scale).toBeCloseTo(1024 / Math.max(image.width, image.height), 10);
    }
    // Different images must give different embeddings.
    const [a, b] = fixtures as [Fixture, Fixture];
    let diff = 0;
    for (let i = 0; i < a.encoded.embedding.length; i += 97) diff += Math.abs((a.encoded.embedding[i] as number) - (b.encoded.embedding[i] as number));
    expect(diff).toBeGreaterThan(1);
  });

  it("segments each shape from one foreground click in its middle (IoU >= 0.9)", async () => {
    for (const { name, image, encoded } of fixtures) {
      const result = await decodePrompt({
        decoder,
        embedding: encoded.embedding,
        geometry: encoded.geometry,
        points: [{ x: image.center.x, y: image.center.y, positive: true }],
      });
      expect([result.width, result.height]).toEqual([image.width, image.height]);
      const iou = computeMaskIoU({ a: thresholdLogits({ logits: result.maskLogits }), b: image.mask });
      expect(iou, name).toBeGreaterThanOrEqual(0.9);

      // The selected low-res mask is one of the candidates: the chosen one.
      const candidates = result.candidates;
      expect(candidates?.count).toBe(4);
      const chosen = result.chosenIndex as number;
      const plane = 256 * 256;
      expect(Array.from(candidates!.lowResLogits.subarray(chosen * plane, (chosen + 1) * plane))).toEqual(Array.from(result.lowResLogits));
      expect(result.iouPrediction).toBe(candidates!.iouPredictions[chosen]);
    }
  });

  it("upsamples low-res logits in JS like the graph does", async () => {
    const { image, encoded } = fixtures[0] as Fixture;
    const result = await decodePrompt({
      decoder,
      embedding: encoded.embedding,
      geometry: encoded.geometry,
      points: [{ x: image.center.x, y: image.center.y, positive: true }],
    });
    const fromGraph = thresholdLogits({ logits: result.maskLogits });
    const fromJs = lowResLogitsToMask({ lowRes: result.lowResLogits, geometry: encoded.geometry });
    expect(computeMaskIoU({ a: fromGraph, b: fromJs.data })).toBeGreaterThanOrEqual(0.999);
  });

  it("decodes from the compact embedding with masks matching fp32 (IoU >= 0.99)", async () => {
    for (const { name, image, encoded } of fixtures) {
      const wire = await compressEmbedding({ data: encoded.embedding, dims: encoded.dims });
      expect(wire.length).toBeLessThanOrEqual(1.5 * 1024 * 1024);
      const restored = await decodeCompactEmbedding(wire);
      const prompts = [
        { points: [{ x: image.center.x, y: image.center.y, positive: true }] },
        { box: image.box },
        {
          points: [
            { x: image.center.x, y: image.center.y, positive: true },
            { x: image.box.x0 - 10, y: image.box.y0 - 10, positive: false },
          ],
        },
      ];
      for (const prompt of prompts) {
        const full = await decodePrompt({ decoder, embedding: encoded.embedding, geometry: encoded.geometry, ...prompt });
        const compact = await decodePrompt({ decoder, embedding: restored, geometry: encoded.geometry, ...prompt });
        const iou = computeMaskIoU({ a: thresholdLogits({ logits: full.maskLogits }), b: thresholdLogits({ logits: compact.maskLogits }) });
        expect(iou, `${name} ${JSON.stringify(prompt)}`).toBeGreaterThanOrEqual(0.99);
      }
    }
  });

  it("feeds the previous low-res logits back as mask input", async () => {
    const { image, encoded } = fixtures[1] as Fixture;
    const first = await decodePrompt({
      decoder,
      embedding: encoded.embedding,
      geometry: encoded.geometry,
      points: [{ x: image.center.x, y: image.center.y, positive: true }],
    });
    const second = await decodePrompt({
      decoder,
      embedding: encoded.embedding,
      geometry: encoded.geometry,
      points: [{ x: image.center.x, y: image.center.y, positive: true }],
      maskInput: first.lowResLogits,
    });
    // Same click, now with a mask prior: the result changes but stays on the shape.
    expect(Array.from(second.lowResLogits.subarray(0, 4096))).not.toEqual(Array.from(first.lowResLogits.subarray(0, 4096)));
    expect(computeMaskIoU({ a: thresholdLogits({ logits: second.maskLogits }), b: image.mask })).toBeGreaterThanOrEqual(0.9);
    await expect(
      decodePrompt({ decoder, embedding: encoded.embedding, geometry: encoded.geometry, points: [{ x: 1, y: 1, positive: true }], maskInput: new Float32Array(5) }),
    ).rejects.toThrow(/maskInput must hold 256x256/);
  });
});
