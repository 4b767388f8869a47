import { describe, expect, it } from "vitest";
import { createMask, maskFromRows } from "./binary-mask";
import { encodeMaskToRle, rleArea, rleBbox } from "./coco-rle";
import { maskArea, maskBbox } from "./mask-geometry";

describe("maskBbox / maskArea", () => {
  it("empty mask -> [0,0,0,0] and area 0", () => {
    expect(maskBbox(createMask(5, 4))).toEqual([0, 0, 0, 0]);
    expect(maskArea(createMask(5, 4))).toBe(0);
    expect(maskBbox(createMask(0, 0))).toEqual([0, 0, 0, 0]);
  });

  it("single pixel has width and height 1 (inclusive, like pycocotools)", () => {
    const m = maskFromRows(["000", "001", "000"]);
    expect(maskBbox(m)).toEqual([2, 1, 1, 1]);
    expect(maskArea(m)).toBe(1);
  });

  it("spans the extremes of scattered pixels, not just the first row's", () => {
    const m = maskFromRows([
      "000000",
      "000100",
      "010000",
      "000001",
      "000000",
    ]);
    expect(maskBbox(m)).toEqual([1, 1, 5, 3]);
    expect(maskArea(m)).toBe(3);
  });

  it("full mask and non-binary foreground values", () => {
    const m = createMask(3, 2);
    m.data.fill(255);
    expect(maskBbox(m)).toEqual([0, 0, 3, 2]);
    expect(maskArea(m)).toBe(6);
  });

  it("agrees with rleBbox / rleArea on random masks", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let t = 0; t < 40; t++) {
      const m = createMask(1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 12));
      const p = rand() * 0.2;
      for (let i = 0; i < m.data.length; i++) m.data[i] = rand() < p ? 1 : 0;
      const rle = encodeMaskToRle(m);
      expect(maskBbox(m)).toEqual(rleBbox(rle));
      expect(maskArea(m)).toBe(rleArea(rle));
    }
  });
});
