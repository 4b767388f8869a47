import { describe, expect, it } from "vitest";
import { createMask, encodeMaskToRle, maskFromRows, rleCounts } from ".";
import { paintRleDownscaled, type TargetGrid } from "./rle-downscale";

function grid(width: number, height: number): TargetGrid {
  return { width, height, cells: new Uint16Array(width * height) };
}

function rows(target: TargetGrid): string[] {
  const out: string[] = [];
  for (let y = 0; y < target.height; y++) out.push(Array.from(target.cells.subarray(y * target.width, (y + 1) * target.width), (v) => (v === 0 ? "." : String(v))).join(""));
  return out;
}

describe("paintRleDownscaled", () => {
  it("at scale 1 reproduces the mask", () => {
    const mask = maskFromRows([".##.", "#..#", ".##."]);
    const target = grid(4, 3);
    paintRleDownscaled({ counts: rleCounts(encodeMaskToRle(mask)), height: 3, width: 4, target, id: 1 });
    expect(rows(target)).toEqual([".11.", "1..1", ".11."]);
  });

  it("halves a mask, painting every cell a set pixel falls in", () => {
    const mask = maskFromRows(["##......", "##......", "........", ".......#"]);
    const target = grid(4, 2);
    paintRleDownscaled({ counts: rleCounts(encodeMaskToRle(mask)), height: 4, width: 8, target, id: 3 });
    expect(rows(target)).toEqual(["3...", "...3"]);
  });

  it("later masks paint over earlier ones", () => {
    const big = maskFromRows(["####", "####", "####", "####"]);
    const small = maskFromRows(["....", ".##.", ".##.", "...."]);
    const target = grid(4, 4);
    paintRleDownscaled({ counts: rleCounts(encodeMaskToRle(big)), height: 4, width: 4, target, id: 1 });
    paintRleDownscaled({ counts: rleCounts(encodeMaskToRle(small)), height: 4, width: 4, target, id: 2 });
    expect(rows(target)).toEqual(["1111", "1221", "1221", "1111"]);
  });

  it("matches a pixel-by-pixel downscale on a large random mask", () => {
    const width = 97;
    const height = 61;
    const mask = createMask(width, height);
    let seed = 3;
    for (let i = 0; i < mask.data.length; i++) mask.data[i] = (seed = (seed * 48271) % 2147483647) % 7 === 0 ? 1 : 0;
    const target = grid(20, 13);
    paintRleDownscaled({ counts: rleCounts(encodeMaskToRle(mask)), height, width, target, id: 1 });
    const expected = new Uint16Array(20 * 13);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (mask.data[y * width + x]) expected[Math.floor((y * 13) / height) * 20 + Math.floor((x * 20) / width)] = 1;
      }
    }
    expect(Array.from(target.cells)).toEqual(Array.from(expected));
  });
});
