import { describe, expect, it } from "vitest";
import { InvalidMaskError, createMask, maskFromRows, maskToRows } from "./binary-mask";
import { fillHoles, intersectMasks, maskIou, paintDisc, removeSmallIslands, subtractMasks, unionMasks } from "./mask-ops";

const A = maskFromRows(["1100", "1100", "0000"]);
const B = maskFromRows(["0110", "0110", "0001"]);

describe("boolean ops", () => {
  it("union / intersect / subtract", () => {
    expect(maskToRows(unionMasks(A, B))).toEqual(["1110", "1110", "0001"]);
    expect(maskToRows(intersectMasks(A, B))).toEqual(["0100", "0100", "0000"]);
    expect(maskToRows(subtractMasks(A, B))).toEqual(["1000", "1000", "0000"]);
    expect(maskToRows(subtractMasks(B, A))).toEqual(["0010", "0010", "0001"]);
  });

  it("outputs 0/1 even for 255-valued inputs and does not mutate inputs", () => {
    const a = createMask(2, 1);
    a.data.set([255, 0]);
    const b = createMask(2, 1);
    b.data.set([255, 7]);
    expect(Array.from(unionMasks(a, b).data)).toEqual([1, 1]);
    expect(Array.from(intersectMasks(a, b).data)).toEqual([1, 0]);
    expect(Array.from(subtractMasks(b, a).data)).toEqual([0, 1]);
    expect(Array.from(a.data)).toEqual([255, 0]);
  });

  it("size mismatch throws", () => {
    expect(() => unionMasks(A, createMask(3, 3))).toThrow(InvalidMaskError);
    expect(() => maskIou(A, createMask(4, 2))).toThrow(/sizes differ: 4x3 vs 4x2/);
  });
});

describe("maskIou", () => {
  it("intersection over union", () => {
    expect(maskIou(A, B)).toBeCloseTo(2 / 7, 12);
    expect(maskIou(A, A)).toBe(1);
    expect(maskIou(A, maskFromRows(["0011", "0011", "1111"]))).toBe(0);
  });

  it("two empty masks -> 0 (pycocotools convention)", () => {
    expect(maskIou(createMask(3, 3), createMask(3, 3))).toBe(0);
  });
});

describe("paintDisc", () => {
  it("paints pixels whose centres lie within the radius and reports the dirty rect", () => {
    const m = createMask(7, 7);
    const rect = paintDisc(m, 3.5, 3.5, 2, 1);
    expect(maskToRows(m)).toEqual([
      "0000000",
      "0001000",
      "0011100",
      "0111110",
      "0011100",
      "0001000",
      "0000000",
    ]);
    expect(rect).toEqual({ x: 1, y: 1, width: 5, height: 5 });
  });

  it("radius 1.6 at a pixel corner paints a 4x4 block minus its corners", () => {
    const m = createMask(6, 6);
    paintDisc(m, 3, 3, 1.6, 1);
    expect(maskToRows(m)).toEqual(["000000", "001100", "011110", "011110", "001100", "000000"]);
  });

  it("eraser clears, tiny brushes paint the pixel under the pointer, clipped at the border", () => {
    const m = createMask(4, 3);
    m.data.fill(1);
    paintDisc(m, 0.2, 0.2, 1.5, 0);
    expect(maskToRows(m)).toEqual(["0011", "0111", "1111"]);
    const n = createMask(4, 3);
    expect(paintDisc(n, 2.9, 1.1, 0.1, 1)).toEqual({ x: 2, y: 1, width: 1, height: 1 });
    expect(maskToRows(n)).toEqual(["0000", "0010", "0000"]);
  });

  it("returns null and leaves the mask alone when the disc is outside", () => {
    const m = createMask(4, 4);
    expect(paintDisc(m, -10, 2, 3, 1)).toBeNull();
    expect(paintDisc(m, 2, 50, 3, 1)).toBeNull();
    expect(m.data.every((v) => v === 0)).toBe(true);
  });

  it("rejects bad parameters", () => {
    const m = createMask(4, 4);
    expect(() => paintDisc(m, NaN, 1, 1, 1)).toThrow(RangeError);
    expect(() => paintDisc(m, 1, 1, -1, 1)).toThrow(/radius/);
  });
});

describe("fillHoles", () => {
  it("fills enclosed background, keeps background connected to the border", () => {
    const m = maskFromRows([
      "0000000",
      "0111110",
      "0100010",
      "0101010",
      "0111000",
      "0000000",
    ]);
    // The region inside is open to the right edge through (4,4) -> not a hole.
    expect(maskToRows(fillHoles(m))).toEqual(maskToRows(m));
    const closed = maskFromRows(["11111", "10001", "10101", "10001", "11111"]);
    expect(maskToRows(fillHoles(closed))).toEqual(Array(5).fill("11111"));
  });

  it("a diagonal gap does not leak (background is 4-connected)", () => {
    const m = maskFromRows(["0110", "1001", "1001", "0110"]);
    expect(maskToRows(fillHoles(m))).toEqual(["0110", "1111", "1111", "0110"]);
  });

  it("maxHoleArea fills only small holes", () => {
    const m = maskFromRows(["1111111", "1011001", "1111001", "1111111"]);
    expect(maskToRows(fillHoles(m, { maxHoleArea: 1 }))).toEqual(["1111111", "1111001", "1111001", "1111111"]);
    expect(maskToRows(fillHoles(m, { maxHoleArea: 4 }))).toEqual(Array(4).fill("1111111"));
  });

  it("zero-sized mask", () => {
    expect(fillHoles(createMask(0, 3)).data.length).toBe(0);
  });
});

describe("removeSmallIslands", () => {
  const m = maskFromRows(["1100001", "1100010", "0000000", "0010000"]);

  it("8-connectivity (default): diagonal pixels form one island", () => {
    expect(maskToRows(removeSmallIslands(m, 2))).toEqual(["1100001", "1100010", "0000000", "0000000"]);
  });

  it("4-connectivity: diagonal pixels are separate islands", () => {
    expect(maskToRows(removeSmallIslands(m, 2, 4))).toEqual(["1100000", "1100000", "0000000", "0000000"]);
  });

  it("minArea 0 keeps everything; a large minArea removes everything", () => {
    expect(maskToRows(removeSmallIslands(m, 0))).toEqual(maskToRows(m));
    expect(removeSmallIslands(m, 100).data.every((v) => v === 0)).toBe(true);
    expect(() => removeSmallIslands(m, NaN)).toThrow(RangeError);
  });
});
