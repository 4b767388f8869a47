import { describe, expect, it } from "vitest";
import { createMask, decodeRleToMask, maskArea, maskBbox, maskToRows } from "@/lib/mask";
import { encodeValueRles } from "./encode-value-rles";

describe("encodeValueRles", () => {
  it("gives each value exactly its pixels, with area and box, skipping the values it is told to", () => {
    for (const seed of [1, 2, 3]) {
      const width = 7 + seed * 3;
      const height = 5 + seed;
      let state = seed * 7919;
      const values = new Uint32Array(width * height);
      for (let i = 0; i < values.length; i++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        values[i] = state % 5; // 0 = background, 4 = void
      }
      const rles = encodeValueRles({ width, height, kind: "grey", values }, (value) => value !== 0 && value !== 4);
      expect([...rles.keys()].sort()).toEqual([1, 2, 3].filter((value) => values.includes(value)));
      for (const [value, rle] of rles) {
        const expected = createMask(width, height);
        values.forEach((v, i) => (expected.data[i] = v === value ? 1 : 0));
        const decoded = decodeRleToMask({ size: [height, width], counts: rle.counts });
        expect(maskToRows(decoded)).toEqual(maskToRows(expected));
        expect(rle.counts.reduce((sum, count) => sum + count, 0)).toBe(width * height);
        expect(rle.area).toBe(maskArea(expected));
        expect(rle.bbox).toEqual(maskBbox(expected));
      }
    }
  });

  it("starts with a zero background run when the first pixel is set", () => {
    const rles = encodeValueRles({ width: 2, height: 2, kind: "grey", values: new Uint32Array([9, 0, 9, 0]) }, (value) => value !== 0);
    // Row-major [9, 0 / 9, 0]: column 0 is [9, 9], column 1 is [0, 0].
    expect(rles.get(9)).toEqual({ counts: [0, 2, 2], area: 2, bbox: [0, 0, 1, 2] });
  });
});
