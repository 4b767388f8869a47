// Compact masks answer like the full masks they stand for, decode only when
// their bytes are read, and give decoded bytes back past the budget.
import { describe, expect, it } from "vitest";
import { createMask, encodeMaskToRle, masksEqual, paintDisc, type BinaryMask } from "@/lib/mask";
import {
  MATERIALIZED_BUDGET_BYTES,
  compactMask,
  compactMaskFromRle,
  isCompactMask,
  isDecoded,
  maskPixel,
  maskRegion,
  maskRle,
  paintMaskInto,
  sameMaskPixels,
} from "./compact-mask";

function disc(width: number, height: number, x: number, y: number, r: number): BinaryMask {
  const mask = createMask(width, height);
  paintDisc(mask, x, y, r, 1);
  return mask;
}

describe("compact masks", () => {
  it("answer pixels, crops and unions from their runs without decoding", () => {
    const plain = disc(40, 30, 12, 10, 7);
    const compact = compactMaskFromRle(encodeMaskToRle(plain));
    expect(isCompactMask(compact)).toBe(true);
    for (let y = -1; y <= 30; y++) for (let x = -1; x <= 40; x++) expect(maskPixel(compact, x, y)).toBe(maskPixel(plain, x, y));
    expect(Array.from(maskRegion(compact, [3, 2, 20, 18]))).toEqual(Array.from(maskRegion(plain, [3, 2, 20, 18])));
    const union = new Uint8Array(40 * 30);
    const added = paintMaskInto(compact, union) + paintMaskInto(disc(40, 30, 25, 20, 6), union);
    expect(added).toBe(union.reduce((a, b) => a + b, 0));
    expect(maskRle(compact)).toEqual(encodeMaskToRle(plain));
    expect(isDecoded(compact)).toBe(false);
    // Reading the bytes decodes them once, equal to the original.
    expect(masksEqual(compact, plain)).toBe(true);
    expect(isDecoded(compact)).toBe(true);
    expect(compact.data).toBe(compact.data);
  });

  it("read like plain masks to spreads, clones and deep equality", () => {
    const plain = disc(16, 12, 8, 6, 4);
    const compact = compactMask(plain);
    expect(compact).toEqual(plain);
    expect(structuredClone(compact)).toEqual(plain);
    expect({ ...compact }.data).toEqual(plain.data);
    expect(compactMask(compact)).toBe(compact);
  });

  it("compare by pixels, whatever form each mask is in", () => {
    const a = disc(30, 20, 10, 10, 5);
    const b = disc(30, 20, 11, 10, 5);
    expect(sameMaskPixels(compactMask(a), compactMaskFromRle(encodeMaskToRle(a)))).toBe(true);
    expect(sameMaskPixels(compactMask(a), compactMask(b))).toBe(false);
    expect(sameMaskPixels(a, compactMask(a))).toBe(true);
    expect(sameMaskPixels(compactMask(a), createMask(20, 30))).toBe(false);
  });

  it("give decoded bytes back past the budget, least recently read first, and decode again on demand", () => {
    // Masks of a quarter of the budget each: five decoded ones cannot all stay.
    const side = Math.floor(Math.sqrt(MATERIALIZED_BUDGET_BYTES / 4));
    const masks = Array.from({ length: 5 }, (_, i) => compactMaskFromRle(encodeMaskToRle(disc(side, side, 100 + i * 50, 100, 40))));
    for (const mask of masks.slice(0, 4)) expect(mask.data.length).toBe(side * side);
    // Reading the first again makes the second the least recently read.
    expect(masks[0]?.data[100 * side + 100]).toBe(1);
    expect(masks[4]?.data[100 * side + 300]).toBe(1);
    expect(masks.map(isDecoded)).toEqual([true, false, true, true, true]);
    expect(masks[1]?.data[100 * side + 150]).toBe(1);
    expect(isDecoded(masks[1] as BinaryMask)).toBe(true);
  });
});
