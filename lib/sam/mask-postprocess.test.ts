import { describe, expect, it } from "vitest";
import { cropLowResMask, lowResLogitsToMask, thresholdLogits, upsampleLowResLogits } from "./mask-postprocess";
import { computeResizeGeometry } from "./prompt-transform";

/** Straightforward reference: PyTorch-style bilinear resize of a 2-D map. */
function resizeBilinear(src: Float64Array, inW: number, inH: number, outW: number, outH: number): Float64Array {
  const out = new Float64Array(outW * outH);
  const coord = (d: number, inLen: number, outLen: number) => {
    const s = Math.min(Math.max((d + 0.5) * (inLen / outLen) - 0.5, 0), inLen - 1);
    const lo = Math.floor(s);
    return [lo, Math.min(lo + 1, inLen - 1), s - lo] as const;
  };
  for (let y = 0; y < outH; y++) {
    const [y0, y1, fy] = coord(y, inH, outH);
    for (let x = 0; x < outW; x++) {
      const [x0, x1, fx] = coord(x, inW, outW);
      const top = (src[y0 * inW + x0] as number) * (1 - fx) + (src[y0 * inW + x1] as number) * fx;
      const bottom = (src[y1 * inW + x0] as number) * (1 - fx) + (src[y1 * inW + x1] as number) * fx;
      out[y * outW + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

function referencePostprocess(lowRes: Float32Array, width: number, height: number, inputSize: number, lowResSize: number) {
  const g = computeResizeGeometry({ width, height, inputSize });
  const full = resizeBilinear(Float64Array.from(lowRes), lowResSize, lowResSize, inputSize, inputSize);
  const crop = new Float64Array(g.resizedWidth * g.resizedHeight);
  for (let y = 0; y < g.resizedHeight; y++) {
    for (let x = 0; x < g.resizedWidth; x++) crop[y * g.resizedWidth + x] = full[y * inputSize + x] as number;
  }
  return resizeBilinear(crop, g.resizedWidth, g.resizedHeight, width, height);
}

describe("upsampleLowResLogits", () => {
  // Small sizes keep the O(n^2) reference fast; the maths is size-independent.
  const inputSize = 64;
  const lowResSize = 16;
  const lowRes = new Float32Array(lowResSize * lowResSize);
  for (let i = 0; i < lowRes.length; i++) lowRes[i] = Math.sin(i * 1.37) * 4 + Math.cos(i * 0.11);

  it.each([
    [50, 37], // landscape, downscale from the 64-space crop
    [23, 97], // portrait, upscale
    [64, 64], // square, no crop
    [200, 150], // larger than inputSize
  ])("matches resize -> crop -> resize for %sx%s", (width, height) => {
    const geometry = computeResizeGeometry({ width, height, inputSize });
    const fast = upsampleLowResLogits({ lowRes, geometry, lowResSize });
    const reference = referencePostprocess(lowRes, width, height, inputSize, lowResSize);
    expect(fast.length).toBe(width * height);
    let maxDiff = 0;
    for (let i = 0; i < fast.length; i++) maxDiff = Math.max(maxDiff, Math.abs((fast[i] as number) - (reference[i] as number)));
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it("rejects logits of the wrong size", () => {
    const geometry = computeResizeGeometry({ width: 10, height: 10, inputSize });
    expect(() => upsampleLowResLogits({ lowRes: new Float32Array(10), geometry, lowResSize })).toThrow(/Expected 16x16/);
  });
});

describe("thresholdLogits / lowResLogitsToMask", () => {
  it("thresholds strictly above the threshold", () => {
    expect(Array.from(thresholdLogits({ logits: [-1, 0, 0.001, 3] }))).toEqual([0, 0, 1, 1]);
    expect(Array.from(thresholdLogits({ logits: [1, 2, 3], threshold: 2 }))).toEqual([0, 0, 1]);
  });
  it("gives a full mask for all-positive logits at the image size", () => {
    const geometry = computeResizeGeometry({ width: 30, height: 20, inputSize: 64 });
    const mask = lowResLogitsToMask({ lowRes: new Float32Array(256).fill(2), geometry, lowResSize: 16 });
    expect(mask.width).toBe(30);
    expect(mask.height).toBe(20);
    expect(mask.data.every((v) => v === 1)).toBe(true);
  });
});

describe("cropLowResMask", () => {
  it("keeps only the region covering the image", () => {
    const lowResSize = 8;
    const geometry = computeResizeGeometry({ width: 100, height: 50, inputSize: 32 }); // resized 32x16 -> low-res 8x4
    const lowRes = new Float32Array(lowResSize * lowResSize).fill(-1);
    lowRes[1 * lowResSize + 2] = 5; // inside the kept region
    lowRes[6 * lowResSize + 2] = 5; // in the padding
    const mask = cropLowResMask({ lowRes, geometry, lowResSize });
    expect([mask.width, mask.height]).toEqual([8, 4]);
    expect(mask.data.reduce((a, b) => a + b, 0)).toBe(1);
    expect(mask.data[1 * 8 + 2]).toBe(1);
  });
});
