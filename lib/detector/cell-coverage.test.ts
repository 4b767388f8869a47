import { describe, expect, it } from "vitest";
import { createMask } from "@/lib/mask";
import { computeResizeGeometry } from "@/lib/sam/prompt-transform";
import { cellCoverage } from "./cell-coverage";
import { GRID_SIZE, boxToModel, buildDenseTargets, cellStride } from "./dense-grid";
import { maskObjectness } from "./mask-objectness";

// 640x480 -> model scale 1.6: a cell (16 model px) spans 10 image px.
const geometry = computeResizeGeometry({ width: 640, height: 480, inputSize: 1024 });

function rectMask(x0: number, y0: number, x1: number, y1: number) {
  const mask = createMask(640, 480);
  for (let y = y0; y < y1; y++) mask.data.fill(1, y * 640 + x0, y * 640 + x1);
  return mask;
}

/** A ring (hollow square): its box centre is off the object. */
function ringMask() {
  const mask = rectMask(100, 100, 200, 200);
  for (let y = 120; y < 180; y++) mask.data.fill(0, y * 640 + 120, y * 640 + 180);
  return mask;
}

describe("cell coverage", () => {
  it("gives full, partial and empty cells their mask fraction", () => {
    // x 100..125 covers cells 10, 11 fully and half of 12; y 100..110 covers row 10.
    const coverage = cellCoverage({ mask: rectMask(100, 100, 125, 110), geometry });
    expect(coverage[10 * GRID_SIZE + 10]).toBeCloseTo(1);
    expect(coverage[10 * GRID_SIZE + 11]).toBeCloseTo(1);
    expect(coverage[10 * GRID_SIZE + 12]).toBeCloseTo(0.5);
    expect(coverage[10 * GRID_SIZE + 13]).toBe(0);
    expect(coverage[11 * GRID_SIZE + 10]).toBe(0);
  });

  it("makes only cells on the object positive, and moves a ring's forced cell onto the ring", () => {
    const box = { x0: 100, y0: 100, x1: 200, y1: 200 };
    const stride = cellStride(geometry);
    const plain = buildDenseTargets({ boxes: [boxToModel(box, geometry)], stride });
    const masked = buildDenseTargets({ boxes: [boxToModel(box, geometry)], stride, coverages: [cellCoverage({ mask: ringMask(), geometry })] });
    const centre = 15 * GRID_SIZE + 15;
    expect(plain.quality[centre]).toBe(1);
    expect(masked.quality[centre]).toBe(0);
    const positives = (q: Float32Array) => Array.from(q).filter((v) => v > 0).length;
    // The box spans 10x10 cells, the ring's hole the inner 6x6.
    expect(positives(plain.quality)).toBe(100);
    expect(positives(masked.quality)).toBe(64);
    // Every positive of the masked targets is on the ring.
    const coverage = cellCoverage({ mask: ringMask(), geometry });
    masked.quality.forEach((q, cell) => {
      if (q > 0) expect(coverage[cell]).toBeGreaterThanOrEqual(0.5);
    });
  });
});

describe("mask objectness", () => {
  it("averages the cell scores under the mask, weighted by pixels", () => {
    const scores = new Float32Array(GRID_SIZE * GRID_SIZE);
    scores[10 * GRID_SIZE + 10] = 0.8;
    scores[10 * GRID_SIZE + 11] = 0.2;
    const { mean, max } = maskObjectness({ mask: rectMask(100, 100, 120, 110), scores, geometry });
    expect(mean).toBeCloseTo(0.5);
    expect(max).toBeCloseTo(0.8);
    expect(maskObjectness({ mask: createMask(640, 480), scores, geometry })).toEqual({ mean: 0, max: 0 });
  });
});
