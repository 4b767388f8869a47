import { describe, expect, it } from "vitest";
import { createMask, maskFromRows, masksEqual, type BinaryMask } from "./binary-mask";
import {
  InvalidRleError,
  compressRle,
  decodeRleToMask,
  encodeMaskToRle,
  encodeMaskToUncompressedRle,
  maskToRleCounts,
  rleArea,
  rleBbox,
  rleCounts,
  rleCountsToString,
  rleStringToCounts,
} from "./coco-rle";

function withPixel(width: number, height: number, x: number, y: number): BinaryMask {
  const m = createMask(width, height);
  m.data[y * width + x] = 1;
  return m;
}

/** Encodes, checks the expected counts/string, and checks both forms decode back. */
function expectCodec(mask: BinaryMask, counts: number[], str: string): void {
  expect(maskToRleCounts(mask)).toEqual(counts);
  const rle = encodeMaskToRle(mask);
  expect(rle).toEqual({ size: [mask.height, mask.width], counts: str });
  expect(rleStringToCounts(str)).toEqual(counts);
  expect(masksEqual(decodeRleToMask(rle), mask)).toBe(true);
  expect(masksEqual(decodeRleToMask({ size: [mask.height, mask.width], counts }), mask)).toBe(true);
}

// Vectors below are derived by hand from rleEncode/rleToString in pycocotools
// common/maskApi.c: counts are column-major runs starting with background; each
// count (minus counts[i-2] when i > 2) is written as 5-bit groups, low first,
// +0x20 while more groups follow, +48. E.g. 14 -> '>' (62), -1 -> 'O' (0x1f + 48).
describe("COCO RLE hand-derived vectors", () => {
  it("2x2 [[0,1],[0,1]]: column-major 0,0,1,1 -> [2,2] -> '22'", () => {
    expectCodec(maskFromRows(["01", "01"]), [2, 2], "22");
  });

  it("2x2 [[0,0],[1,1]]: column-major 0,1,0,1 -> [1,1,1,1]; 4th count is a delta (1-1=0)", () => {
    expectCodec(maskFromRows(["00", "11"]), [1, 1, 1, 1], "1110");
  });

  it("empty and full masks", () => {
    expectCodec(createMask(2, 2), [4], "4");
    expectCodec(maskFromRows(["11", "11"]), [0, 4], "04");
    expectCodec(createMask(1, 1), [1], "1");
    expectCodec(maskFromRows(["1"]), [0, 1], "01");
  });

  it("zero-sized masks encode like pycocotools (a single 0 count)", () => {
    expectCodec(createMask(0, 0), [0], "0");
    expectCodec(createMask(3, 0), [0], "0");
  });

  it("single pixels in a 5-wide, 3-high mask (column-major index = x*3 + y)", () => {
    expectCodec(withPixel(5, 3, 0, 0), [0, 1, 14], "01>");
    expectCodec(withPixel(5, 3, 0, 2), [2, 1, 12], "21<");
    expectCodec(withPixel(5, 3, 4, 0), [12, 1, 2], "<12");
    expectCodec(withPixel(5, 3, 4, 2), [14, 1], ">1");
    expectCodec(withPixel(5, 3, 2, 1), [7, 1, 7], "717");
  });

  it("a vertical line is one run, a horizontal line is one run per column (proves column-major)", () => {
    const vertical = maskFromRows(["0100", "0100", "0100", "0100"]);
    expectCodec(vertical, [4, 4, 8], "448");
    const horizontal = maskFromRows(["0000", "1111", "0000", "0000"]);
    // deltas from i=3: 1-1, 3-3, 1-1, 3-3, 1-1, 2-3 = 0,0,0,0,0,-1
    expectCodec(horizontal, [1, 1, 3, 1, 3, 1, 3, 1, 2], "11300000O");
  });

  it("7 rows x 2 columns, starting with foreground (leading 0 count)", () => {
    const m = maskFromRows(["10", "10", "00", "01", "00", "10", "10"]);
    expectCodec(m, [0, 2, 3, 2, 3, 1, 3], "02300O0");
  });

  it("multi-character values and sign bit: 25x25 with rows/cols 5..9 set", () => {
    // 130 = 4*32+2 -> 'R','4'; 20 has bit 4 set so needs a 2nd group -> 'd','0';
    // last delta 390-20 = 370 = 11*32+18 -> 'b',';'. pycocotools gives the same string
    // (published test vector in twsl/pytorchcocotools tests/mask/test_encode.py).
    const m = createMask(25, 25);
    for (let y = 5; y < 10; y++) for (let x = 5; x < 10; x++) m.data[y * 25 + x] = 1;
    expectCodec(m, [130, 5, 20, 5, 20, 5, 20, 5, 20, 5, 390], "R45d00000000b;");
    expect(encodeMaskToRle(maskFromRows(Array(25).fill("1".repeat(25)))).counts).toBe("0ac0");
  });
});

describe("encoder input handling", () => {
  it("treats any non-zero byte as foreground (word-skipping path included)", () => {
    const ones = createMask(13, 11);
    const big = createMask(13, 11);
    for (let i = 0; i < ones.data.length; i++) {
      const on = (i * 7) % 10 < 6 || (i > 40 && i < 90);
      ones.data[i] = on ? 1 : 0;
      big.data[i] = on ? 255 : 0;
    }
    expect(encodeMaskToRle(big)).toEqual(encodeMaskToRle(ones));
  });
});

describe("values near group boundaries", () => {
  it("round-trips counts whose deltas cross 5/10/15/20/25/30-bit boundaries, both signs", () => {
    const values = [0, 1, 15, 16, 17, 31, 32, 511, 512, 513, 1023, 1024, 2 ** 15, 2 ** 20 - 1, 2 ** 20, 2 ** 25 + 3, 2 ** 30, 2 ** 32 - 1];
    const counts = [5, 7, 0];
    for (const v of values) counts.push(v, 3);
    for (const v of values.slice().reverse()) counts.push(v, 1);
    expect(rleStringToCounts(rleCountsToString(counts))).toEqual(counts);
  });

  it("16 needs two characters because bit 4 of the last group is the sign", () => {
    expect(rleCountsToString([16])).toBe("`0");
    expect(rleCountsToString([15])).toBe("?");
    expect(rleCountsToString([0, 0, 0, 1])).toBe("0001");
    expect(rleCountsToString([0, 5, 0, 4])).toBe("050O");
  });
});

describe("real annotations", () => {
  // COCO train2017 annotation id 900100204805 (image 204805, person crowd, iscrowd=1),
  // uncompressed counts copied from coco-mini instances.json. Expected area/bbox were
  // checked independently with a numpy Fortran-order decode. (The annotation's own
  // area/bbox fields, 1307 and [382, 138, 45, 48], are not mask-derived: COCO's crowd
  // boxes use xmax - xmin without the +1, so they cannot be used as toBbox vectors.)
  const crowd = {
    size: [346, 500] as [number, number],
    counts: [
      132340, 6, 339, 8, 337, 10, 335, 12, 334, 9, 337, 8, 338, 8, 338, 7, 339, 7, 339, 7, 340, 6, 338, 8, 325, 6, 3, 13, 323,
      24, 3, 2, 316, 33, 312, 35, 311, 35, 311, 35, 311, 36, 310, 37, 309, 37, 309, 39, 307, 38, 301, 45, 300, 46, 299, 45, 300,
      46, 300, 45, 301, 45, 301, 33, 9, 2, 302, 33, 313, 33, 313, 33, 313, 33, 313, 33, 314, 32, 315, 31, 316, 29, 319, 26, 322,
      24, 326, 20, 327, 18, 329, 17, 330, 15, 332, 13, 335, 9, 25094,
    ],
  };

  it("crowd RLE: area and bbox without decoding, and a lossless round trip", () => {
    expect(rleArea(crowd)).toBe(1172);
    expect(rleBbox(crowd)).toEqual([382, 138, 46, 49]);
    const mask = decodeRleToMask(crowd);
    expect(mask.width).toBe(500);
    expect(mask.height).toBe(346);
    expect(encodeMaskToUncompressedRle(mask)).toEqual(crowd);
    const compressed = compressRle(crowd);
    expect(encodeMaskToRle(mask)).toEqual(compressed);
    expect(rleStringToCounts(compressed.counts)).toEqual(crowd.counts);
  });

  // Strings produced by pycocotools.mask for 427x640 COCO polygons, published as
  // expected values in twsl/pytorchcocotools tests/mask/test_encode.py and
  // test_fr_py_objects.py (the '\\' is a single backslash, a legal char: 92-48 = 44).
  const realStrings = [
    "\\`_3;j<6M3E_OjCd0T<:O1O2O001O00001O00001O001O0000O1K6J5J6A^C0g<N=O001O0O2Omk^4",
    "RT_32n<<O100O0010O000010O0001O00001O000O101O0ISPc4",
    "\\`_3;j<6B@nCc0Q<@kCc0S<;01N10001O001O00001O001O0000O1L4K6K4L4B]COh<O<O001O0O2Omk^4",
  ];

  it.each(realStrings)("decodes pycocotools string %# and re-encodes it to the same string", (counts) => {
    const rle = { size: [427, 640] as [number, number], counts };
    const mask = decodeRleToMask(rle);
    expect(encodeMaskToRle(mask)).toEqual(rle);
    // area/bbox without decoding agree with the decoded pixels
    let area = 0;
    for (const v of mask.data) area += v;
    expect(rleArea(rle)).toBe(area);
    expect(area).toBeGreaterThan(100);
  });
});

describe("rleBbox / rleArea (pycocotools toBbox / area semantics)", () => {
  it("matches published pycocotools toBbox results", () => {
    const full = maskFromRows(["01", "11"]);
    expect(rleBbox(encodeMaskToRle(full))).toEqual([0, 0, 2, 2]);
    const m = createMask(10, 10);
    for (let y = 2; y < 4; y++) for (let x = 3; x < 6; x++) m.data[y * 10 + x] = 1;
    expect(rleBbox(encodeMaskToRle(m))).toEqual([3, 2, 3, 2]);
    const rect = createMask(35, 25);
    for (let y = 10; y < 25; y++) for (let x = 10; x < 30; x++) rect.data[y * 35 + x] = 1;
    expect(rleBbox(encodeMaskToRle(rect))).toEqual([10, 10, 20, 15]);
  });

  it("a run wrapping from the bottom of one column to the top of the next spans full height", () => {
    // 4 rows x 2 cols: pixel (0,3) and (1,0) form one column-major run of length 2.
    const m = maskFromRows(["01", "00", "00", "10"]);
    expect(maskToRleCounts(m)).toEqual([3, 2, 3]);
    expect(rleBbox(encodeMaskToRle(m))).toEqual([0, 0, 2, 4]);
  });

  it("empty mask -> [0,0,0,0] and area 0; zero-length foreground runs are ignored", () => {
    expect(rleBbox({ size: [3, 3], counts: [9] })).toEqual([0, 0, 0, 0]);
    expect(rleArea({ size: [3, 3], counts: "9" })).toBe(0);
    expect(rleBbox({ size: [3, 3], counts: [4, 0, 5] })).toEqual([0, 0, 0, 0]);
    expect(rleBbox({ size: [3, 3], counts: [4, 0, 1, 1, 3] })).toEqual([1, 2, 1, 1]);
  });

  it("bbox and area from RLE agree with the decoded mask on random masks", () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 50; trial++) {
      const w = 1 + Math.floor(rand() * 9);
      const h = 1 + Math.floor(rand() * 9);
      const density = rand() * 0.3;
      const m = createMask(w, h);
      let area = 0;
      let x0 = w, y0 = h, x1 = -1, y1 = -1;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          if (rand() < density) {
            m.data[y * w + x] = 1;
            area++;
            x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
          }
        }
      }
      const rle = encodeMaskToRle(m);
      expect(rleArea(rle)).toBe(area);
      expect(rleBbox(rle)).toEqual(area === 0 ? [0, 0, 0, 0] : [x0, y0, x1 - x0 + 1, y1 - y0 + 1]);
      expect(masksEqual(decodeRleToMask(rle), m)).toBe(true);
    }
  });
});

describe("validation", () => {
  const bad = (rle: unknown, message: RegExp) => {
    expect(() => rleCounts(rle as { size: number[]; counts: string })).toThrow(InvalidRleError);
    expect(() => decodeRleToMask(rle as { size: number[]; counts: string })).toThrow(message);
  };

  it("rejects counts that do not sum to h*w", () => {
    bad({ size: [2, 2], counts: [1, 2] }, /sum to 3, expected .*= 4/);
    bad({ size: [2, 2], counts: "5" }, /sum to 5/);
    bad({ size: [2, 2], counts: "" }, /sum to 0/);
  });

  it("rejects negative, fractional and non-numeric counts", () => {
    bad({ size: [2, 2], counts: [5, -1] }, /count #1 is negative/);
    bad({ size: [2, 2], counts: [1.5, 2.5] }, /count #0 must be an integer/);
    bad({ size: [2, 2], counts: ["4"] }, /must be an integer/);
    // '1','2','3' then delta -4 against counts[1]=2 -> -2
    bad({ size: [2, 2], counts: "123" + rleCountsToString([0, 0, 0, -4]).slice(3) }, /negative/);
  });

  it("rejects bad characters and truncated strings", () => {
    bad({ size: [2, 2], counts: "2 2" }, /invalid character " " at index 1/);
    bad({ size: [2, 2], counts: "2p" }, /invalid character "p"/);
    bad({ size: [2, 2], counts: "2\u00e9" }, /invalid character/);
    bad({ size: [2, 2], counts: "2R" }, /truncated/); // 'R' has the continuation bit
    bad({ size: [2, 2], counts: "ooooooo0" }, /longer than 7 characters/);
  });

  it("rejects malformed size and counts fields", () => {
    bad({ size: [2], counts: "4" }, /size must be \[height, width\]/);
    bad({ size: [2, -2], counts: "4" }, /non-negative integers/);
    bad({ size: [2, 2.5], counts: "4" }, /non-negative integers/);
    bad({ counts: "4" }, /size must be/);
    bad({ size: [2, 2], counts: 4 }, /string or an array/);
  });

  it("error class carries its name for callers that log it", () => {
    try {
      rleCounts({ size: [1, 1], counts: [2] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidRleError);
      expect((e as Error).name).toBe("InvalidRleError");
    }
  });
});

describe("decodeRleToMask on sparse and dense masks", () => {
  // A seeded generator, so a failure names a reproducible mask.
  function randomMask(width: number, height: number, share: number, seed: number): BinaryMask {
    let state = seed;
    const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const mask = createMask(width, height);
    // Vertical strokes make runs that cross from the bottom of one column into the next.
    for (let i = 0; i < mask.data.length * share; i++) {
      const x = Math.floor(next() * width);
      const y = Math.floor(next() * height);
      for (let k = 0; k < 5 && y + k < height; k++) mask.data[(y + k) * width + x] = 1;
    }
    mask.data[width * height - 1] = 1; // the last pixel: a run that ends the mask
    return mask;
  }

  it("gives back exactly the encoded mask whichever way it decodes (a few % and half the picture set)", () => {
    for (const [width, height, share, seed] of [[37, 23, 0.005, 1], [37, 23, 0.3, 2], [640, 480, 0.001, 3], [480, 640, 0.2, 4], [1, 50, 0.02, 5], [50, 1, 0.4, 6]] as const) {
      const mask = randomMask(width, height, share, seed);
      expect(masksEqual(decodeRleToMask(encodeMaskToRle(mask)), mask), `${width}x${height} at ${share}`).toBe(true);
    }
    const full = createMask(9, 7);
    full.data.fill(1);
    expect(masksEqual(decodeRleToMask(encodeMaskToRle(full)), full)).toBe(true);
    expect(masksEqual(decodeRleToMask(encodeMaskToRle(createMask(9, 7))), createMask(9, 7))).toBe(true);
  });
});
