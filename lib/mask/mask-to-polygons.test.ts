import { describe, expect, it } from "vitest";
import { createMask, maskFromRows, maskToRows, type BinaryMask } from "./binary-mask";
import { labelComponents } from "./connected-components";
import { bridgeHoles, maskToPolygons, polygonsToRings, signedArea2 } from "./mask-to-polygons";
import { rasterizePolygons } from "./polygon-raster";

/** mask -> polygons -> mask must be lossless, both ways of expressing holes. */
function expectRoundTrip(mask: BinaryMask): void {
  const parts = maskToPolygons(mask);
  const back = rasterizePolygons(polygonsToRings(parts), mask.width, mask.height);
  expect(maskToRows(back)).toEqual(maskToRows(mask));
  const bridged = rasterizePolygons(parts.map(bridgeHoles), mask.width, mask.height, { fillRule: "union" });
  expect(maskToRows(bridged)).toEqual(maskToRows(mask));
  for (const p of parts) {
    expect(signedArea2(p.outer)).toBeGreaterThan(0);
    for (const hole of p.holes) expect(signedArea2(hole)).toBeLessThan(0);
  }
}

describe("maskToPolygons: exact rings", () => {
  it("one pixel -> unit square, clockwise on screen, starting at its top-left corner", () => {
    const m = maskFromRows(["000", "010", "000"]);
    expect(maskToPolygons(m)).toEqual([{ outer: [1, 1, 2, 1, 2, 2, 1, 2], holes: [] }]);
    expectRoundTrip(m);
  });

  it("rectangle touching the image border: only corner vertices", () => {
    const m = maskFromRows(["111", "111"]);
    expect(maskToPolygons(m)).toEqual([{ outer: [0, 0, 3, 0, 3, 2, 0, 2], holes: [] }]);
  });

  it("L shape", () => {
    const m = maskFromRows(["10", "11"]);
    expect(maskToPolygons(m)).toEqual([{ outer: [0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 0, 2], holes: [] }]);
  });

  it("ring with a one-pixel hole: hole is counter-clockwise", () => {
    const m = maskFromRows(["111", "101", "111"]);
    expect(maskToPolygons(m)).toEqual([
      { outer: [0, 0, 3, 0, 3, 3, 0, 3], holes: [[1, 2, 2, 2, 2, 1, 1, 1]] },
    ]);
    expectRoundTrip(m);
  });

  it("diagonal-touching pixels are one part with a pinch vertex (8-connectivity)", () => {
    const m = maskFromRows(["10", "01"]);
    const parts = maskToPolygons(m);
    expect(parts).toEqual([{ outer: [0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 1, 2, 1, 1, 0, 1], holes: [] }]);
    expectRoundTrip(m);
    const anti = maskFromRows(["01", "10"]);
    expect(maskToPolygons(anti)).toHaveLength(1);
    expectRoundTrip(anti);
  });

  it("several parts in scan order of their first pixel", () => {
    const m = maskFromRows(["0001", "1000", "0000", "0110"]);
    const parts = maskToPolygons(m);
    expect(parts.map((p) => [p.outer[0], p.outer[1]])).toEqual([[3, 0], [0, 1], [1, 3]]);
    expectRoundTrip(m);
  });

  it("empty and zero-sized masks give no polygons", () => {
    expect(maskToPolygons(createMask(4, 3))).toEqual([]);
    expect(maskToPolygons(createMask(0, 0))).toEqual([]);
  });
});

describe("maskToPolygons: round trips", () => {
  it("holes, nested parts (island inside a hole) and holes assigned to the right part", () => {
    const m = maskFromRows([
      "1111111.111",
      "1.....1.1.1",
      "1.111.1.111",
      "1.1.1.1....",
      "1.111.1.11.",
      "1.....1.11.",
      "1111111....",
    ]);
    const parts = maskToPolygons(m);
    // outer frame (1 hole), the 3x3 island inside it (1 hole), the small ring top right (1 hole), the 2x2 block
    expect(parts).toHaveLength(4);
    expect(parts.map((p) => p.holes.length)).toEqual([1, 1, 1, 0]);
    // the island's hole is the single pixel (3,3); rings start at the top-left corner of
    // the first pixel whose top edge they contain, here the pixel below the hole
    expect(parts[2]?.holes[0]).toEqual([3, 4, 4, 4, 4, 3, 3, 3]);
    expect(parts[1]?.holes[0]).toEqual([9, 2, 10, 2, 10, 1, 9, 1]);
    expectRoundTrip(m);
  });

  it("hole touching the outer boundary at a corner stays a hole (background is 4-connected)", () => {
    const m = maskFromRows(["0111", "1011", "1111"]);
    expectRoundTrip(m);
    // (1,1) touches the outside (0,0) only diagonally, so it is a hole of the part.
    expect(maskToPolygons(m)[0]?.holes).toHaveLength(1);
  });

  it("checkerboard, stripes, full image, single row/column", () => {
    expectRoundTrip(maskFromRows(["1010", "0101", "1010", "0101"]));
    expectRoundTrip(maskFromRows(["0101", "1010", "0101"]));
    expectRoundTrip(maskFromRows(["1111", "0000", "1111"]));
    expectRoundTrip(maskFromRows(["1111", "1111"]));
    expectRoundTrip(maskFromRows(["10110111"]));
    expectRoundTrip(maskFromRows(["1", "1", "0", "1"]));
    expectRoundTrip(maskFromRows(["1"]));
  });

  it("random masks of varying density (property test)", () => {
    let seed = 4242;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < 150; t++) {
      const w = 1 + Math.floor(rand() * 16);
      const h = 1 + Math.floor(rand() * 16);
      const p = rand();
      const m = createMask(w, h);
      for (let i = 0; i < m.data.length; i++) m.data[i] = rand() < p ? 1 : 0;
      expectRoundTrip(m);
      // one part per 8-connected component
      expect(maskToPolygons(m)).toHaveLength(labelComponents(m, 8).count);
    }
  });

  it("large blob with many holes (exercises the multi-part hole assignment)", () => {
    const w = 120;
    const h = 90;
    const m = createMask(w, h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const inDisc = (x - 40) ** 2 + (y - 45) ** 2 < 35 ** 2 || (x - 100) ** 2 + (y - 30) ** 2 < 15 ** 2;
        const hole = (x % 9 === 4 && y % 7 === 3) || (x % 13 < 2 && y % 11 < 3);
        if (inDisc && !hole) m.data[y * w + x] = 1;
      }
    }
    const parts = maskToPolygons(m);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.reduce((n, p) => n + p.holes.length, 0)).toBeGreaterThan(20);
    expectRoundTrip(m);
  });
});

describe("bridgeHoles", () => {
  it("single ring whose cut is invisible to the rasteriser", () => {
    const m = maskFromRows(["1111", "1001", "1111"]);
    const [part] = maskToPolygons(m);
    const ring = bridgeHoles(part!);
    // start, cut right+down to the hole start, hole, back up and left, rest of the outer ring
    expect(ring).toEqual([0, 0, 1, 0, 1, 2, 3, 2, 3, 1, 1, 1, 1, 2, 1, 0, 0, 0, 4, 0, 4, 3, 0, 3]);
    expect(maskToRows(rasterizePolygons([ring], 4, 3, { fillRule: "union" }))).toEqual(maskToRows(m));
  });

  it("no holes -> copy of the outer ring", () => {
    const part = { outer: [0, 0, 1, 0, 1, 1, 0, 1], holes: [] };
    const ring = bridgeHoles(part);
    expect(ring).toEqual(part.outer);
    expect(ring).not.toBe(part.outer);
  });
});
