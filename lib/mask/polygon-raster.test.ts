import { describe, expect, it } from "vitest";
import { maskFromRows, maskToRows, masksEqual, type BinaryMask } from "./binary-mask";
import { decodeRleToMask, encodeMaskToRle } from "./coco-rle";
import { InvalidPolygonError, rasterizePolygons, validatePolygons } from "./polygon-raster";

/**
 * Literal transcription of pycocotools rleFrPoly (common/maskApi.c): dense 5x
 * upsampled walk, y-boundary points, sort, run lengths. Deliberately slow and
 * unoptimised; the fast implementation must produce exactly the same counts.
 */
function referenceFrPoly(xy: readonly number[], h: number, w: number): number[] {
  const k = xy.length / 2;
  const scale = 5;
  const x: number[] = [];
  const y: number[] = [];
  for (let j = 0; j < k; j++) x[j] = Math.trunc(scale * xy[j * 2]! + 0.5);
  x[k] = x[0]!;
  for (let j = 0; j < k; j++) y[j] = Math.trunc(scale * xy[j * 2 + 1]! + 0.5);
  y[k] = y[0]!;
  const u: number[] = [];
  const v: number[] = [];
  for (let j = 0; j < k; j++) {
    let xs = x[j]!, xe = x[j + 1]!, ys = y[j]!, ye = y[j + 1]!;
    const dx = Math.abs(xe - xs), dy = Math.abs(ys - ye);
    const flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
    if (flip) { let t = xs; xs = xe; xe = t; t = ys; ys = ye; ye = t; }
    const s = dx >= dy ? (ye - ys) / dx : (xe - xs) / dy;
    if (dx >= dy) for (let d = 0; d <= dx; d++) {
      const t = flip ? dx - d : d; u.push(t + xs); v.push(Math.trunc(ys + s * t + 0.5));
    } else for (let d = 0; d <= dy; d++) {
      const t = flip ? dy - d : d; v.push(t + ys); u.push(Math.trunc(xs + s * t + 0.5));
    }
  }
  const bx: number[] = [];
  const by: number[] = [];
  for (let j = 1; j < u.length; j++) if (u[j] !== u[j - 1]) {
    let xd = u[j]! < u[j - 1]! ? u[j]! : u[j]! - 1; xd = (xd + 0.5) / scale - 0.5;
    if (Math.floor(xd) !== xd || xd < 0 || xd > w - 1) continue;
    let yd = v[j]! < v[j - 1]! ? v[j]! : v[j - 1]!; yd = (yd + 0.5) / scale - 0.5;
    if (yd < 0) yd = 0; else if (yd > h) yd = h; yd = Math.ceil(yd);
    bx.push(xd); by.push(yd);
  }
  const a: number[] = bx.map((xx, j) => xx * h + by[j]!);
  a.push(h * w);
  a.sort((p, q) => p - q);
  let p = 0;
  for (let j = 0; j < a.length; j++) { const t = a[j]!; a[j] = t - p; p = t; }
  const b: number[] = [];
  let j = 0;
  b.push(a[j++]!);
  while (j < a.length) if (a[j]! > 0) b.push(a[j++]!); else { j++; if (j < a.length) b[b.length - 1]! += a[j++]!; }
  return b;
}

function refMask(xy: readonly number[], h: number, w: number): BinaryMask {
  return decodeRleToMask({ size: [h, w], counts: referenceFrPoly(xy, h, w) });
}

function rleOf(polys: number[][], h: number, w: number, fillRule?: "evenodd" | "union"): string {
  return encodeMaskToRle(rasterizePolygons(polys, w, h, { fillRule })).counts;
}

describe("matches pycocotools frPyObjects output", () => {
  // Expected strings: pycocotools results published in twsl/pytorchcocotools
  // tests/mask/test_fr_py_objects.py (25x25 and 427x640 images).
  it("bbox [10,10,10,10] as a polygon (what frBbox rasterises) covers pixels 10..19", () => {
    expect(rleOf([[10, 10, 10, 20, 20, 20, 20, 10]], 25, 25)).toBe("T8:?00000000000000000c3");
  });

  it("polygon with a sloped edge", () => {
    expect(rleOf([[10, 10, 20, 10, 20, 20, 21, 21, 10, 20]], 25, 25)).toBe("T8:?00000000001O00000:F`2");
  });

  it("real COCO polygons with fractional coordinates (each ring separately)", () => {
    const ring1 = [
      266.83, 189.37, 267.79, 175.29, 269.46, 170.04, 271.37, 165.98, 270.89, 163.12, 269.12, 159.54, 272.8, 156.44, 287.36,
      156.44, 293.33, 157.87, 296.91, 160.49, 296.91, 161.21, 291.89, 161.92, 289.98, 165.03, 291.42, 169.56, 285.16, 196.54,
    ];
    const ring2 = [266.35, 214.44, 270.41, 217.3, 276.38, 218.97, 282.11, 218.97, 285.93, 217.3, 286.88, 207.28, 267.07, 201.07];
    expect(rleOf([ring1], 427, 640)).toBe(
      "\\`_3;j<6B@nCc0Q<@kCc0S<;01N10001O001O00001O001O0000O1L4K6K4L4B]COh<O<O001O0O2Omk^4",
    );
    expect(rleOf([ring2], 427, 640)).toBe("RT_32n<<O100O0010O000010O0001O00001O000O101O0ISPc4");
  });
});

describe("agrees exactly with a literal port of rleFrPoly", () => {
  let seed = 2024;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);

  it("random polygons: fractional, self-intersecting, partly or wholly outside the image", () => {
    for (let trial = 0; trial < 400; trial++) {
      const w = 1 + Math.floor(rand() * 20);
      const h = 1 + Math.floor(rand() * 20);
      const n = 3 + Math.floor(rand() * 7);
      const ring: number[] = [];
      for (let i = 0; i < n; i++) {
        // range [-4, size+4], sometimes snapped to integers or half-pixels
        let x = -4 + rand() * (w + 8);
        let y = -4 + rand() * (h + 8);
        const snap = rand();
        if (snap < 0.25) { x = Math.round(x); y = Math.round(y); } else if (snap < 0.4) { x = Math.round(x * 2) / 2; y = Math.round(y * 2) / 2; }
        ring.push(x, y);
      }
      const got = rasterizePolygons([ring], w, h);
      const want = refMask(ring, h, w);
      if (!masksEqual(got, want)) {
        expect({ ring, w, h, got: maskToRows(got) }).toEqual({ ring, w, h, got: maskToRows(want) });
      }
    }
  });

  it("long thin and steep edges, repeated vertices, far-away vertices", () => {
    const cases: [number[], number, number][] = [
      [[0.1, 0.2, 9.7, 0.9, 9.9, 1.3, 0.3, 0.6], 10, 4],
      [[2.2, -3, 2.6, 12, 3.9, 12.2, 3.1, -2.7], 6, 10],
      [[1, 1, 1, 1, 5, 1, 5, 1, 5, 4, 1, 4], 7, 6],
      [[-30, -30, 40, -20, 10, 50], 12, 9],
      [[-7.3, 2.4, -1.2, 8.8, 3.3, 1.1], 8, 10],
    ];
    for (const [ring, w, h] of cases) {
      expect(maskToRows(rasterizePolygons([ring], w, h))).toEqual(maskToRows(refMask(ring, h, w)));
    }
  });

  it("handles vertices far outside the image without walking the whole edge", () => {
    const ring = [-1e7, -1e7, 1e7, -1e7, 1e7, 1e7, -1e7, 1e7];
    const start = performance.now();
    const m = rasterizePolygons([ring], 50, 40);
    expect(performance.now() - start).toBeLessThan(500);
    expect(m.data.every((v) => v === 1)).toBe(true);
  });
});

describe("pixel semantics", () => {
  it("integer-vertex rectangles cover exactly the pixels whose centres are inside", () => {
    const m = rasterizePolygons([[1, 1, 4, 1, 4, 3, 1, 3]], 6, 4);
    expect(maskToRows(m)).toEqual(["000000", "011100", "011100", "000000"]);
    // orientation does not matter
    expect(masksEqual(rasterizePolygons([[1, 3, 4, 3, 4, 1, 1, 1]], 6, 4), m)).toBe(true);
  });

  it("a unit square around one pixel gives that pixel", () => {
    const m = rasterizePolygons([[2, 1, 3, 1, 3, 2, 2, 2]], 4, 3);
    expect(maskToRows(m)).toEqual(["0000", "0010", "0000"]);
  });

  it("holes as separate rings: even-odd by default, filled with fillRule 'union'", () => {
    const outer = [0, 0, 5, 0, 5, 5, 0, 5];
    const hole = [1, 1, 1, 4, 4, 4, 4, 1];
    expect(maskToRows(rasterizePolygons([outer, hole], 5, 5))).toEqual(["11111", "10001", "10001", "10001", "11111"]);
    expect(maskToRows(rasterizePolygons([outer, hole], 5, 5, { fillRule: "union" }))).toEqual(Array(5).fill("11111"));
  });

  it("union of overlapping parts vs even-odd of overlapping parts", () => {
    const a = [0, 0, 3, 0, 3, 2, 0, 2];
    const b = [2, 0, 5, 0, 5, 2, 2, 2];
    expect(maskToRows(rasterizePolygons([a, b], 5, 2, { fillRule: "union" }))).toEqual(["11111", "11111"]);
    expect(maskToRows(rasterizePolygons([a, b], 5, 2))).toEqual(["11011", "11011"]);
  });

  it("clips to the image and handles an empty polygon list and zero-size images", () => {
    expect(maskToRows(rasterizePolygons([[-2, -2, 2, -2, 2, 2, -2, 2]], 3, 3))).toEqual(["110", "110", "000"]);
    expect(maskToRows(rasterizePolygons([], 2, 2))).toEqual(["00", "00"]);
    expect(rasterizePolygons([[0, 0, 1, 0, 1, 1]], 0, 0).data.length).toBe(0);
  });

  it("large fills (column-major path) equal small-fill results", () => {
    const big = rasterizePolygons([[0.3, 0.2, 399.6, 10.4, 380.1, 299.9, 5.5, 280.2]], 400, 300);
    const ring = [0.3, 0.2, 399.6, 10.4, 380.1, 299.9, 5.5, 280.2];
    expect(masksEqual(big, refMask(ring, 300, 400))).toBe(true);
    expect(masksEqual(big, maskFromRows(maskToRows(big)))).toBe(true);
  });
});

describe("validation", () => {
  const expectInvalid = (polys: unknown, message: RegExp) => {
    expect(() => validatePolygons(polys as number[][])).toThrow(InvalidPolygonError);
    expect(() => rasterizePolygons(polys as number[][], 4, 4)).toThrow(message);
  };

  it("rejects NaN and Infinity with the ring and coordinate index", () => {
    expectInvalid([[0, 0, 1, 0, 1, NaN]], /polygon 0 coordinate 5 is NaN/);
    expectInvalid([[0, 0, 1, 0, 1, 1], [0, 0, Infinity, 0, 1, 1]], /polygon 1 coordinate 2 is Infinity/);
    expectInvalid([[0, 0, 1, 0, -Infinity, 1]], /-Infinity/);
  });

  it("rejects coordinates beyond what pycocotools' int arithmetic can hold", () => {
    expectInvalid([[0, 0, 5e8, 0, 0, 1]], /polygon 0 coordinate 2 is 500000000; coordinates must be within/);
    expect(() => validatePolygons([[0, 0, 4e8, 0, 0, -4e8]])).not.toThrow();
  });

  it("rejects fewer than 3 points and odd coordinate counts", () => {
    expectInvalid([[0, 0, 1, 1]], /polygon 0 has 2 point\(s\); at least 3 are required/);
    expectInvalid([[]], /polygon 0 has 0 point/);
    expectInvalid([[0, 0, 1, 0, 1]], /odd number of coordinates \(5\)/);
  });

  it("rejects non-array input and non-numeric coordinates", () => {
    expectInvalid("0,0,1,0,1,1", /must be an array of rings/);
    expectInvalid([[0, 0, 1, 0, "1", 1]], /coordinate 4 is not a number/);
    expectInvalid([{ x: 1 }], /polygon 0 must be an array/);
  });
});
