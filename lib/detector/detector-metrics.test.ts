import { describe, expect, it } from "vitest";
import { createMask, type BinaryMask } from "@/lib/mask";
import { averagePrecision, recallAtK } from "./detection-metrics";
import { matchMasks, scoredMaskFrom } from "./match-masks";
import { nmsMasks, suppressContained } from "./mask-nms";

function rect(x0: number, y0: number, x1: number, y1: number, size = 20): BinaryMask {
  const mask = createMask(size, size);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) mask.data[y * size + x] = 1;
  return mask;
}

describe("box metrics", () => {
  const gt = [
    { x0: 0, y0: 0, x1: 10, y1: 10 },
    { x0: 20, y0: 20, x1: 30, y1: 30 },
  ];

  it("recall counts ground truth found among the top-K", () => {
    const detections = [
      { x0: 0, y0: 0, x1: 10, y1: 10, score: 0.9 },
      { x0: 50, y0: 50, x1: 60, y1: 60, score: 0.8 },
      { x0: 21, y0: 21, x1: 30, y1: 30, score: 0.1 },
    ];
    expect(recallAtK({ images: [{ detections, groundTruth: gt }], k: 2 })).toBe(0.5);
    expect(recallAtK({ images: [{ detections, groundTruth: gt }], k: 3 })).toBe(1);
  });

  it("AP is 1 for a perfect ranking and lower when a false positive outranks a hit", () => {
    const perfect = [
      { x0: 0, y0: 0, x1: 10, y1: 10, score: 0.9 },
      { x0: 20, y0: 20, x1: 30, y1: 30, score: 0.8 },
    ];
    expect(averagePrecision({ images: [{ detections: perfect, groundTruth: gt }] })).toBeCloseTo(1);
    const worse = [...perfect, { x0: 50, y0: 50, x1: 60, y1: 60, score: 0.85 }];
    const ap = averagePrecision({ images: [{ detections: worse, groundTruth: gt }] });
    expect(ap).toBeLessThan(0.9);
    expect(ap).toBeGreaterThan(0.7);
    // A duplicate of a matched box is a false positive, not a second hit.
    const duplicate = [...perfect, { x0: 0, y0: 0, x1: 10, y1: 10, score: 0.95 }];
    expect(averagePrecision({ images: [{ detections: duplicate, groundTruth: gt }] })).toBeLessThan(1);
  });
});

describe("mask NMS and matching", () => {
  it("drops a mask overlapping a better one and keeps disjoint ones", () => {
    const a = { ...scoredMaskFrom(rect(0, 0, 10, 10)), score: 0.9 };
    const b = { ...scoredMaskFrom(rect(1, 0, 10, 10)), score: 0.95 };
    const c = { ...scoredMaskFrom(rect(12, 12, 18, 18)), score: 0.5 };
    const kept = nmsMasks({ masks: [a, b, c], iouThreshold: 0.7 });
    expect(kept).toEqual([b, c]);
  });

  it("drops parts lying inside a larger mask, keeping the whole and separate objects", () => {
    const whole = scoredMaskFrom(rect(0, 0, 12, 12));
    const part = scoredMaskFrom(rect(2, 2, 6, 6));
    const straddling = scoredMaskFrom(rect(10, 10, 16, 16));
    const kept = suppressContained({ masks: [part, whole, straddling], maxContainment: 0.8 });
    expect(kept).toEqual([whole, straddling]);
  });

  it("counts true and false positives, ignoring matches to ignored ground truth", () => {
    const objects = [scoredMaskFrom(rect(0, 0, 10, 10))];
    const ignore = [{ ...scoredMaskFrom(rect(12, 12, 16, 16)), crowd: false }];
    const predictions = [
      { ...scoredMaskFrom(rect(0, 0, 10, 9)), score: 0.9 }, // IoU 0.9: hit
      { ...scoredMaskFrom(rect(0, 0, 10, 10)), score: 0.8 }, // duplicate: false positive
      { ...scoredMaskFrom(rect(12, 12, 16, 16)), score: 0.7 }, // an ignored object: not counted
      { ...scoredMaskFrom(rect(17, 0, 20, 3)), score: 0.6 }, // nothing there: false positive
    ];
    expect(matchMasks({ predictions, objects, ignore, iouThreshold: 0.5 })).toEqual({ truePositives: 1, falsePositives: 2, ignored: 1, groundTruth: 1 });
    expect(matchMasks({ predictions, objects, ignore, iouThreshold: 0.95 }).truePositives).toBe(1);
  });
});
