import { describe, expect, it } from "vitest";
import { computeDistanceTransform } from "./distance-transform";
import { findNextClick } from "./find-next-click";

function bruteForce(mask: Uint8Array, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      // The border is background: nearest outside pixel is at most this far.
      let best = Math.min(x + 1, y + 1, width - x, height - y) ** 2;
      for (let v = 0; v < height; v++) {
        for (let u = 0; u < width; u++) {
          if (!mask[v * width + u]) best = Math.min(best, (u - x) ** 2 + (v - y) ** 2);
        }
      }
      out[y * width + x] = Math.sqrt(best);
    }
  }
  return out;
}

describe("computeDistanceTransform", () => {
  it("matches brute force on random masks", () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (const [width, height, density] of [[17, 11, 0.7], [9, 23, 0.95], [30, 30, 0.5]] as const) {
      const mask = new Uint8Array(width * height).map(() => (random() < density ? 1 : 0));
      const fast = computeDistanceTransform({ mask, width, height });
      const slow = bruteForce(mask, width, height);
      for (let i = 0; i < mask.length; i++) expect(fast[i]).toBeCloseTo(slow[i] as number, 4);
    }
  });
  it("is zero outside the mask and counts the image border as outside", () => {
    const mask = new Uint8Array(5 * 5).fill(1);
    const d = computeDistanceTransform({ mask, width: 5, height: 5 });
    expect(d[0]).toBe(1);
    expect(d[12]).toBe(3); // centre of a 5x5 block: 3 pixels to the padding
    expect(computeDistanceTransform({ mask: new Uint8Array(4), width: 2, height: 2 }).every((v) => v === 0)).toBe(true);
  });
});

describe("findNextClick", () => {
  const width = 20;
  const height = 10;
  const rect = (x0: number, y0: number, x1: number, y1: number) => {
    const m = new Uint8Array(width * height);
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m[y * width + x] = 1;
    return m;
  };

  it("clicks positive in the middle of a missed object", () => {
    const groundTruth = { mask: rect(2, 2, 9, 9), ignore: new Uint8Array(width * height), width, height };
    const click = findNextClick({ groundTruth, prediction: new Uint8Array(width * height), clicked: new Set() });
    expect(click).toEqual({ x: 5, y: 5, positive: true });
  });

  it("clicks negative when the larger error is a false positive, skipping clicked and ignored pixels", () => {
    const mask = rect(0, 0, 3, 3);
    const prediction = rect(0, 0, 3, 3);
    const falsePositive = rect(10, 1, 19, 9);
    for (let i = 0; i < prediction.length; i++) prediction[i] = (prediction[i] as number) | (falsePositive[i] as number);
    const ignore = new Uint8Array(width * height);
    const groundTruth = { mask, ignore, width, height };
    const first = findNextClick({ groundTruth, prediction, clicked: new Set() });
    expect(first.positive).toBe(false);
    expect(first.x).toBeGreaterThanOrEqual(13);
    expect(first.x).toBeLessThanOrEqual(15);
    const second = findNextClick({ groundTruth, prediction, clicked: new Set([first.y * width + first.x]) });
    expect(second).not.toEqual(first);
    // Ignoring the whole false-positive block leaves no error to click on.
    const ignored = findNextClick({ groundTruth: { ...groundTruth, ignore: falsePositive }, prediction, clicked: new Set() });
    expect(ignored.positive).toBe(false);
    expect(falsePositive[ignored.y * width + ignored.x]).toBe(0);
  });
});
