import { describe, expect, it } from "vitest";
import { computeResizeGeometry } from "@/lib/sam/prompt-transform";
import { boxIou, boxFromXywh } from "./box";
import { nmsBoxes } from "./box-nms";
import { buildIntegralMaps, cellFeatures } from "./cell-features";
import { CELL_COUNT, GRID_SIZE, boxToModel, buildDenseTargets, decodeDenseBoxes, validCells } from "./dense-grid";
import { gridPoints } from "./grid-points";

describe("boxes and NMS", () => {
  it("computes IoU of corner boxes", () => {
    expect(boxIou({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 5, y0: 0, x1: 15, y1: 10 })).toBeCloseTo(50 / 150);
    expect(boxIou({ x0: 0, y0: 0, x1: 1, y1: 1 }, { x0: 2, y0: 2, x1: 3, y1: 3 })).toBe(0);
    expect(boxFromXywh([1, 2, 3, 4])).toEqual({ x0: 1, y0: 2, x1: 4, y1: 6 });
  });

  it("keeps the best of overlapping boxes and every separate one", () => {
    const kept = nmsBoxes({
      boxes: [
        { x0: 0, y0: 0, x1: 10, y1: 10, score: 0.5 },
        { x0: 1, y0: 1, x1: 11, y1: 11, score: 0.9 },
        { x0: 50, y0: 50, x1: 60, y1: 60, score: 0.1 },
      ],
      iouThreshold: 0.5,
    });
    expect(kept.map((box) => box.score)).toEqual([0.9, 0.1]);
    expect(nmsBoxes({ boxes: kept, iouThreshold: 0.5, maxOutput: 1 })).toHaveLength(1);
  });
});

describe("dense FCOS grid", () => {
  const geometry = computeResizeGeometry({ width: 640, height: 480, inputSize: 1024 });

  it("marks only cells over the image as valid", () => {
    const valid = validCells(geometry);
    // 480 * 1.6 = 768 model px = 48 rows of 16 px.
    expect(valid.reduce((n, v) => n + v, 0)).toBe(64 * 48);
    expect(valid[47 * GRID_SIZE]).toBe(1);
    expect(valid[48 * GRID_SIZE]).toBe(0);
  });

  it("peaks at the box centre, gives the smaller of two boxes the shared cells, and decodes back to the box", () => {
    const big = { x0: 100, y0: 100, x1: 300, y1: 260 };
    const small = { x0: 180, y0: 150, x1: 220, y1: 190 };
    const stride = 16;
    const targets = buildDenseTargets({ boxes: [big, small].map((box) => boxToModel(box, geometry)), stride });
    const scores = Array.from(targets.quality);
    const positives = scores.filter((q) => q > 0).length;
    expect(positives).toBeGreaterThan(50);
    // The small box's centre (200,170) -> model (320,272) -> cell (20,17).
    const smallCenter = 17 * GRID_SIZE + 20;
    expect(targets.quality[smallCenter]).toBeCloseTo(1, 1);
    const decoded = decodeDenseBoxes({ scores: targets.quality, distances: targets.distances, geometry, minScore: 0.9, maxCandidates: 10 });
    expect(decoded.some((box) => boxIou(box, small) > 0.95)).toBe(true);
    // Every positive cell decodes to its own assigned box exactly.
    const all = decodeDenseBoxes({ scores: targets.quality, distances: targets.distances, geometry, minScore: 1e-6, maxCandidates: CELL_COUNT });
    expect(all.length).toBe(positives);
    for (const box of all) expect(Math.max(boxIou(box, big), boxIou(box, small))).toBeGreaterThan(0.99);
  });

  it("gives an object smaller than a cell its centre cell", () => {
    const tiny = { x0: 10, y0: 10, x1: 14, y1: 13 };
    const targets = buildDenseTargets({ boxes: [boxToModel(tiny, geometry)], stride: 16 });
    expect(Array.from(targets.quality).filter((q) => q > 0)).toEqual([1]);
  });
});

describe("cell features", () => {
  it("returns the cell value and window means, clipped at the border", () => {
    const size = 4;
    const data = new Float32Array(2 * size * size);
    for (let i = 0; i < size * size; i++) {
      data[i] = i; // channel 0: 0..15
      data[size * size + i] = 1; // channel 1: all ones
    }
    const integral = buildIntegralMaps({ data, channels: 2, size });
    const features = cellFeatures({ integral, cells: [0, 5], poolSizes: [1, 3] });
    // Cell 0: value 0 / 1; 3x3 window clipped to cells {0,1,4,5}: mean 2.5 / 1.
    expect(Array.from(features.subarray(0, 4))).toEqual([0, 1, 2.5, 1]);
    // Cell 5 (1,1): full window {0,1,2,4,5,6,8,9,10}: mean 5.
    expect(Array.from(features.subarray(4, 8))).toEqual([5, 1, 5, 1]);
  });
});

describe("grid points", () => {
  it("places n x n points at tile centres", () => {
    const points = gridPoints({ n: 2, width: 100, height: 50 });
    expect(points).toEqual([
      { x: 25, y: 12.5 },
      { x: 75, y: 12.5 },
      { x: 25, y: 37.5 },
      { x: 75, y: 37.5 },
    ]);
  });
});
