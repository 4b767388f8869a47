// Every question answered from the runs gets the answer the full mask gives.
import { describe, expect, it } from "vitest";
import { createMask, maskFromRows, masksEqual, type BinaryMask } from "./binary-mask";
import { maskToRleCounts } from "./coco-rle";
import { forEachColumnSpan, foregroundRuns, paintRuns, runsBbox, runsPixel, runsRegion, runsToMask, sameRuns } from "./foreground-runs";
import { maskBbox } from "./mask-geometry";
import { paintDisc } from "./mask-ops";

function runsOf(mask: BinaryMask) {
  return foregroundRuns(maskToRleCounts(mask), mask.width, mask.height);
}

/** Discs and a bar on a 37x23 picture, touching the edges: runs that cross columns included. */
function sampleMasks(): BinaryMask[] {
  const masks: BinaryMask[] = [createMask(37, 23)];
  for (const [x, y, r] of [[5, 5, 3], [0, 0, 6], [36, 22, 7], [18, 11, 30]] as const) {
    const m = createMask(37, 23);
    paintDisc(m, x, y, r, 1);
    masks.push(m);
  }
  const bars = createMask(37, 23);
  for (let i = 20 * 23; i < 25 * 23; i++) bars.data[(i % 23) * 37 + Math.floor(i / 23)] = 1;
  masks.push(bars);
  return masks;
}

describe("foreground runs", () => {
  it("rebuild the mask, its area and its box", () => {
    for (const mask of sampleMasks()) {
      const runs = runsOf(mask);
      expect(masksEqual(runsToMask(runs), mask)).toBe(true);
      expect(runs.area).toBe(mask.data.reduce((a, b) => a + b, 0));
      expect(runsBbox(runs)).toEqual(maskBbox(mask));
    }
  });

  it("answer single pixels, outside the picture too", () => {
    for (const mask of sampleMasks()) {
      const runs = runsOf(mask);
      for (let y = 0; y < mask.height; y++) {
        for (let x = 0; x < mask.width; x++) expect(runsPixel(runs, x, y)).toBe(mask.data[y * mask.width + x] === 1);
      }
      expect([runsPixel(runs, -1, 0), runsPixel(runs, 0, 23), runsPixel(runs, 37, 5)]).toEqual([false, false, false]);
    }
  });

  it("crop any box, one that leaves the picture included", () => {
    const mask = maskFromRows(["..##.", ".###.", "#...#", "....#"]);
    const runs = runsOf(mask);
    expect(Array.from(runsRegion(runs, [1, 0, 3, 2]))).toEqual([0, 1, 1, 1, 1, 1]);
    // Columns -1 and 5, row 4 lie outside: they read as background.
    expect(Array.from(runsRegion(runs, [-1, 2, 7, 3]))).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    for (const sample of sampleMasks()) {
      const region = runsRegion(runsOf(sample), [3, 4, 20, 15]);
      for (let y = 0; y < 15; y++) for (let x = 0; x < 20; x++) expect(region[y * 20 + x]).toBe(sample.data[(y + 4) * 37 + x + 3]);
    }
  });

  it("paint a union and count only the pixels they add", () => {
    const [, a, , , b] = sampleMasks() as [BinaryMask, BinaryMask, BinaryMask, BinaryMask, BinaryMask];
    const target = new Uint8Array(37 * 23);
    const first = paintRuns(runsOf(a), target);
    const second = paintRuns(runsOf(b), target);
    let union = 0;
    for (let i = 0; i < target.length; i++) {
      expect(target[i]).toBe(a.data[i] || b.data[i] ? 1 : 0);
      union += target[i] as number;
    }
    expect(first).toBe(runsOf(a).area);
    expect(first + second).toBe(union);
  });

  it("visit only the columns asked for", () => {
    const runs = runsOf(maskFromRows(["##..#", "##..#"]));
    const seen: number[][] = [];
    forEachColumnSpan(runs, 1, 5, (x, y0, y1) => seen.push([x, y0, y1]));
    expect(seen).toEqual([[1, 0, 2], [4, 0, 2]]);
  });
});

describe("sameRuns", () => {
  it("is true exactly for the same pixels, however the run lengths were written", () => {
    const mask = maskFromRows([".#.", "...", "#.."]);
    const plain = runsOf(mask);
    // Column 0 row 2 and column 1 row 0 touch in column-major order; here written as two runs with a zero gap.
    const split = foregroundRuns([2, 1, 0, 1, 5], 3, 3);
    expect(plain.starts.length).toBe(1);
    expect(sameRuns(split, plain)).toBe(true);
    const other = maskFromRows(["...", "...", "#.#"]);
    expect(sameRuns(runsOf(other), plain)).toBe(false);
    expect(sameRuns(runsOf(createMask(3, 3)), runsOf(createMask(3, 4)))).toBe(false);
  });
});
