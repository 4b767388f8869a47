import { describe, expect, it } from "vitest";
import { transposeBytes } from "./transpose";

describe("transposeBytes", () => {
  it("transposes matrices whose sides are not multiples of the tile size", () => {
    for (const [rows, cols] of [[1, 1], [3, 5], [65, 130], [129, 7], [0, 4]] as const) {
      const src = new Uint8Array(rows * cols);
      for (let i = 0; i < src.length; i++) src[i] = (i * 37 + 11) % 251;
      const dst = transposeBytes(src, rows, cols);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect(dst[c * rows + r]).toBe(src[r * cols + c]);
      expect(transposeBytes(dst, cols, rows)).toEqual(src);
    }
  });

  it("writes into a provided buffer", () => {
    const out = new Uint8Array(6);
    expect(transposeBytes(new Uint8Array([1, 2, 3, 4, 5, 6]), 2, 3, out)).toBe(out);
    expect(Array.from(out)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
