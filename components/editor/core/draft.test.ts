import { describe, expect, it } from "vitest";
import { countForeground } from "@/lib/mask";
import {
  candidateChoices,
  draftWithBox,
  draftWithDecoded,
  draftWithNextCandidate,
  draftWithoutLastPoint,
  draftWithPoint,
  polygonDraft,
  selectedLogits,
  type SmartShape,
} from "./draft";
import { draftMask } from "./draft-mask";

const SIZE = 4;

/** Four 4x4 candidates with 16, 9, 4 and 1 foreground cells (index 0 = the single-mask output). */
function decoded(chosenIndex: number) {
  const masks = new Float32Array(4 * SIZE * SIZE).fill(-5);
  const fill = (index: number, side: number) => {
    for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) masks[index * 16 + y * SIZE + x] = 3;
  };
  fill(0, 4);
  fill(1, 1);
  fill(2, 3);
  fill(3, 2);
  return { lowResSize: SIZE, count: 4, masks, ious: new Float32Array([0.5, 0.7, 0.95, 0.8]), chosenIndex };
}

describe("draft prompts", () => {
  it("accumulates points and click telemetry from the first prompt", () => {
    const one = draftWithPoint({ draft: null, point: { x: 1, y: 1, positive: true }, now: 100, modelId: "m" });
    const two = draftWithPoint({ draft: one, point: { x: 2, y: 2, positive: false }, now: 900, modelId: "m" });
    expect((two.shape as SmartShape).points).toHaveLength(2);
    expect(two.telemetry).toMatchObject({ startedAt: 100, clicks: 2, tools: ["smart_click"], modelId: "m" });
    const boxed = draftWithBox({ draft: two, box: { x0: 0, y0: 0, x1: 5, y1: 5 }, now: 950, modelId: "m" });
    expect(boxed.telemetry.tools).toEqual(["smart_click", "box"]);
    expect((boxed.shape as SmartShape).points).toHaveLength(2);
    expect(draftWithoutLastPoint(draftWithoutLastPoint(two)!)).toBeNull();
  });

  it("offers whole / part / sub-part (largest first) after a single click, and cycles them", () => {
    const clicked = draftWithPoint({ draft: null, point: { x: 1, y: 1, positive: true }, now: 0, modelId: null });
    const answered = draftWithDecoded(clicked, decoded(2));
    const choices = candidateChoices(answered.shape as SmartShape);
    expect(choices.map((c) => [c.name, c.index, c.area])).toEqual([
      ["whole", 2, 9],
      ["part", 3, 4],
      ["sub-part", 1, 1],
    ]);
    expect(choices[0]!.iou).toBeCloseTo(0.95);
    expect((answered.shape as SmartShape).selected).toBe(2);
    const next = draftWithNextCandidate(answered);
    expect((next.shape as SmartShape).selected).toBe(3);
    expect(next.telemetry.tools).toContain("multimask");
    const wrapped = draftWithNextCandidate(draftWithNextCandidate(next));
    expect((wrapped.shape as SmartShape).selected).toBe(2);
    const logits = selectedLogits(next.shape as SmartShape)!;
    expect(Array.from(logits).filter((v) => v > 0)).toHaveLength(4);
  });

  it("offers only the refined mask once there are several points", () => {
    const one = draftWithPoint({ draft: null, point: { x: 1, y: 1, positive: true }, now: 0, modelId: null });
    const two = draftWithDecoded(draftWithPoint({ draft: one, point: { x: 3, y: 3, positive: false }, now: 0, modelId: null }), decoded(0));
    expect(candidateChoices(two.shape as SmartShape)).toEqual([{ index: 0, name: "refined", iou: 0.5, area: 16 }]);
    expect(draftWithNextCandidate(two)).toBe(two);
  });

  it("upsamples the selected candidate to the full-resolution mask on commit", () => {
    // 4x4 low-res for a 16x16 "model input" and a 16x8 image: the top half of the low-res map covers the image.
    const answered = draftWithDecoded(draftWithPoint({ draft: null, point: { x: 1, y: 1, positive: true }, now: 0, modelId: null }), decoded(2));
    const mask = draftMask({ draft: answered, width: 16, height: 8, inputSize: 16 })!;
    expect(mask.width).toBe(16);
    expect(mask.height).toBe(8);
    // Candidate 2 covers the top-left 3x3 low-res cells = 12x12 input pixels, cropped to 12x8.
    expect(countForeground(mask)).toBeGreaterThan(70);
    expect(countForeground(mask)).toBeLessThan(110);
    expect(mask.data[0]).toBe(1);
    expect(mask.data[15]).toBe(0);
  });

  it("rasterises a closed polygon and nothing for an open one", () => {
    const vertices = [
      { x: 2, y: 2 },
      { x: 8, y: 2 },
      { x: 8, y: 6 },
      { x: 2, y: 6 },
    ];
    const open = polygonDraft({ draft: null, vertices, closed: false, addedVertex: true, now: 0 });
    expect(draftMask({ draft: open, width: 10, height: 10, inputSize: 1024 })).toBeNull();
    const closed = polygonDraft({ draft: open, vertices, closed: true, addedVertex: false, now: 0 });
    expect(closed.telemetry).toMatchObject({ clicks: 1, tools: ["polygon"] });
    expect(countForeground(draftMask({ draft: closed, width: 10, height: 10, inputSize: 1024 })!)).toBe(24);
  });
});
