// The detector-box confidence bar on the real SAM encoder and decoder: a box
// around a generated shape keeps its mask while detector score x predicted
// IoU x stability reaches minBoxConfidence, and loses it when the detector's
// score alone pulls the product under the bar (predicted IoU and stability
// unchanged). Boxes that cannot reach the bar are not decoded.
import { describe, expect, it } from "vitest";
import { maskIou } from "@/lib/mask";
import { prefillSettings } from "@/lib/schemas/detector";
import { createDecoderSession } from "../sam/create-decoder-session";
import { encodeSyntheticShape } from "../sam/testing/encode-synthetic-shape";
import { segmentProposals, type Proposal } from "./segment-proposals";

describe("detector-box confidence", () => {
  it("multiplies detector score, predicted IoU and stability, and keeps only masks reaching minBoxConfidence", async () => {
    const { shape, embedding, geometry } = await encodeSyntheticShape({ width: 320, height: 200, seed: 5 });
    const decoder = await createDecoderSession({ variant: "multimask" });
    const settings = prefillSettings.parse({ minBoxConfidence: 0.35 });
    const run = (score: number) => {
      const proposals: Proposal[] = [{ kind: "box", box: shape.box, score }];
      return segmentProposals({ decoder, embedding: embedding.slice(), geometry, proposals, settings });
    };
    const sure = await run(0.9);
    expect(sure.masks).toHaveLength(1);
    const [mask] = sure.masks;
    expect(mask!.confidence).toBeCloseTo(0.9 * mask!.predictedIou * mask!.stabilityScore, 6);
    expect(mask!.score).toBe(mask!.confidence);
    expect(maskIou(mask!.mask, { width: 320, height: 200, data: shape.mask })).toBeGreaterThan(0.85);
    // The same mask from a doubtful box: just under the bar.
    const doubtful = (0.35 / (mask!.predictedIou * mask!.stabilityScore)) * 0.95;
    expect((await run(doubtful)).masks).toHaveLength(0);
    expect((await run(doubtful / 0.95 + 0.01)).masks).toHaveLength(1);
    // A box that could not reach the bar even with a perfect mask is not decoded at all.
    const hopeless = await run(0.3);
    expect(hopeless.decodes).toBe(0);
    expect(hopeless.masks).toHaveLength(0);
    await decoder.session.release();
  });
});
