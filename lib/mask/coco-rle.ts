/**
 * COCO run-length encoding, bit-for-bit as pycocotools writes it (common/maskApi.c):
 *
 * - Pixels are visited in column-major (Fortran) order: down column 0, then column 1, ...
 * - `counts` alternates run lengths starting with background, so a mask whose first
 *   pixel is foreground starts with a 0. The last run is whatever colour the last pixel
 *   has (no trailing 0 is added), exactly like rleEncode.
 * - The compressed string (rleToString / rleFrString) stores each count as a signed
 *   little-endian sequence of 5-bit groups, 6 bits per character (bit 5 = "more
 *   follows", bit 4 of the final group = sign), offset by 48 so it stays in '0'..'o'.
 *   From the 4th count on (i > 2) the value stored is counts[i] - counts[i-2], which
 *   keeps alternating run pairs of similar length short.
 *
 * Our masks are row-major (binary-mask.ts), so encode/decode go through a temporary
 * column-major copy made by a cache-blocked transpose (transpose.ts): one extra byte
 * per pixel, but much faster than striding down columns of a 4000-wide buffer.
 */
import { assertValidMask, createMask, type BinaryMask } from "./binary-mask";
import { transposeBytes } from "./transpose";

/** COCO RLE as stored in annotation JSON with compressed counts (what pycocotools.mask.encode returns, decoded to str). */
export interface CocoRle {
  size: [height: number, width: number];
  counts: string;
}

/** COCO RLE with plain counts, as used by iscrowd=1 annotations in the COCO JSON files. */
export interface UncompressedRle {
  size: [height: number, width: number];
  counts: number[];
}

/** Anything RLE-shaped coming from JSON: size [h, w], counts compressed or not. */
export interface RleInput {
  readonly size: readonly number[];
  readonly counts: string | readonly number[];
}

/** Thrown for malformed RLE: bad size, bad characters, truncated string, negative counts, wrong total. */
export class InvalidRleError extends Error {
  override readonly name = "InvalidRleError";
}

/** pycocotools stores counts as uint32. */
const MAX_COUNT = 0xffffffff;

/** Column-major run lengths of a row-major mask, starting with a background run. */
export function maskToRleCounts(mask: BinaryMask): number[] {
  assertValidMask(mask);
  const { width: w, height: h } = mask;
  const n = w * h;
  if (n > MAX_COUNT) throw new InvalidRleError(`mask has ${n} pixels; COCO RLE counts are uint32`);
  // Transposing first (blocked, cache friendly) then scanning linearly is ~3x faster
  // than walking columns of the row-major buffer with a stride of `width`.
  const t = transposeBytes(mask.data, h, w);
  // Word view to skip 4 pixels at a time inside long uniform runs (the common case
  // for SAM masks). t is freshly allocated, so its byteOffset is 0 and aligned.
  const words = new Uint32Array(t.buffer, 0, n >>> 2);
  const wordEnd = n - (n % 4);
  const counts: number[] = [];
  let prev = 0;
  let runStart = 0;
  let i = 0;
  while (i < n) {
    if ((i & 3) === 0 && i < wordEnd) {
      const word = words[i >>> 2] as number;
      // prev 0: skip all-zero words; prev 1: skip words without a zero byte
      // (classic has-zero-byte bit trick, so values like 255 count as foreground too).
      const uniform = prev === 0 ? word === 0 : ((word - 0x01010101) & ~word & 0x80808080) === 0;
      if (uniform) {
        i += 4;
        continue;
      }
    }
    const v = t[i] !== 0 ? 1 : 0;
    if (v !== prev) {
      counts.push(i - runStart);
      runStart = i;
      prev = v;
    }
    i++;
  }
  counts.push(n - runStart);
  return counts;
}

/** Compressed counts string, identical to pycocotools rleToString. */
export function rleCountsToString(counts: readonly number[]): string {
  // Each count needs at most 7 chars (34-bit signed delta of two uint32 values).
  const out = new Uint8Array(counts.length * 7);
  let p = 0;
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i] ?? 0;
    if (i > 2) x -= counts[i - 2] ?? 0;
    let more = true;
    while (more) {
      let c: number;
      if (x >= -0x80000000 && x <= 0x7fffffff) {
        c = x & 0x1f;
        x >>= 5;
      } else {
        // Deltas of uint32 counts can exceed int32; floor() yields the same low bits
        // and arithmetic shift as C's `x & 0x1f; x >>= 5` on a two's-complement long.
        const q = Math.floor(x / 32);
        c = x - q * 32;
        x = q;
      }
      more = (c & 0x10) !== 0 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      out[p++] = c + 48;
    }
  }
  return bytesToAscii(out, p);
}

// All bytes are in '0'..'o', so UTF-8 decoding is plain ASCII. TextDecoder exists in
// browsers, workers and Node, and is far faster than fromCharCode for MB-sized strings.
const asciiDecoder = new TextDecoder();

function bytesToAscii(bytes: Uint8Array, length: number): string {
  return asciiDecoder.decode(bytes.subarray(0, length));
}

/** 32^k: the weight of the k-th 5-bit group (k = 7 is the sign step after a 7th group). */
const GROUP_SCALE = [1, 2 ** 5, 2 ** 10, 2 ** 15, 2 ** 20, 2 ** 25, 2 ** 30, 2 ** 35];

/** Run lengths from a compressed counts string (pycocotools rleFrString), with validation. */
export function rleStringToCounts(s: string): number[] {
  if (typeof s !== "string") throw new InvalidRleError("compressed counts must be a string");
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    const start = p;
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= s.length) {
        throw new InvalidRleError(
          `counts string is truncated: value starting at character ${start} has its continuation bit set on the last character`,
        );
      }
      const code = s.charCodeAt(p);
      const c = code - 48;
      if (c < 0 || c > 63) {
        throw new InvalidRleError(
          `counts string has invalid character ${JSON.stringify(s[p])} at index ${p} (allowed: '0'..'o')`,
        );
      }
      if (k === 7) {
        throw new InvalidRleError(`counts string value starting at character ${start} is longer than 7 characters`);
      }
      // Multiply rather than shift: a 7th group reaches bit 34, past int32 shifts.
      x += (c & 0x1f) * (GROUP_SCALE[k] as number);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && (c & 0x10) !== 0) x -= GROUP_SCALE[k] as number;
    }
    const m = counts.length;
    if (m > 2) x += counts[m - 2] ?? 0;
    if (x < 0) throw new InvalidRleError(`count #${m} decodes to a negative value (${x})`);
    if (x > MAX_COUNT) throw new InvalidRleError(`count #${m} (${x}) exceeds uint32`);
    counts.push(x);
  }
  return counts;
}

/** Validated [height, width] from an RLE size field. */
export function rleSize(rle: RleInput): [height: number, width: number] {
  const size: unknown = rle?.size;
  if (!Array.isArray(size) || size.length !== 2) {
    throw new InvalidRleError("RLE size must be [height, width]");
  }
  const [h, w] = size as unknown[];
  if (typeof h !== "number" || typeof w !== "number" || !Number.isSafeInteger(h) || !Number.isSafeInteger(w) || h < 0 || w < 0) {
    throw new InvalidRleError(`RLE size must be two non-negative integers, got ${JSON.stringify(size)}`);
  }
  if (h * w > MAX_COUNT) throw new InvalidRleError(`RLE size ${h}x${w} exceeds the uint32 pixel count pycocotools supports`);
  return [h, w];
}

/**
 * Validated uncompressed run lengths of any RLE. Throws InvalidRleError unless every
 * count is a non-negative integer and the counts sum to exactly height*width.
 */
export function rleCounts(rle: RleInput): number[] {
  const [h, w] = rleSize(rle);
  const raw: unknown = rle.counts;
  let counts: number[];
  if (typeof raw === "string") {
    counts = rleStringToCounts(raw);
  } else if (Array.isArray(raw)) {
    counts = raw.map((c: unknown, i) => {
      if (typeof c !== "number" || !Number.isSafeInteger(c)) {
        throw new InvalidRleError(`count #${i} must be an integer, got ${JSON.stringify(c)}`);
      }
      if (c < 0) throw new InvalidRleError(`count #${i} is negative (${c})`);
      return c;
    });
  } else {
    throw new InvalidRleError("RLE counts must be a string or an array of numbers");
  }
  let total = 0;
  for (const c of counts) total += c;
  if (total !== h * w) {
    throw new InvalidRleError(`RLE counts sum to ${total}, expected height*width = ${h}*${w} = ${h * w}`);
  }
  return counts;
}

/** Throws InvalidRleError if the RLE is malformed (see rleCounts). */
export function assertValidRle(rle: RleInput): void {
  rleCounts(rle);
}

/** COCO RLE with compressed counts, equal to pycocotools.mask.encode(np.asfortranarray(mask)). */
export function encodeMaskToRle(mask: BinaryMask): CocoRle {
  return { size: [mask.height, mask.width], counts: rleCountsToString(maskToRleCounts(mask)) };
}

/** COCO RLE with plain counts (the form COCO uses for iscrowd=1 annotations). */
export function encodeMaskToUncompressedRle(mask: BinaryMask): UncompressedRle {
  return { size: [mask.height, mask.width], counts: maskToRleCounts(mask) };
}

/** Converts an uncompressed RLE to the compressed form without touching pixels. */
export function compressRle(rle: RleInput): CocoRle {
  const [h, w] = rleSize(rle);
  return { size: [h, w], counts: rleCountsToString(rleCounts(rle)) };
}

/**
 * Below this share of foreground, decoding writes the foreground pixels straight into the
 * row-major mask (a write per foreground pixel, striding down the columns) instead of
 * filling a column-major copy and transposing all w*h bytes: an object covering 1% of a
 * 2400x1600 picture decodes ~40x faster that way, which is what an editor opening an image
 * with a hundred masks spends its time on. Dense masks keep the blocked transpose.
 */
const SPARSE_DECODE_SHARE = 1 / 8;

/** Row-major mask from an RLE with compressed (string) or uncompressed (number[]) counts. */
export function decodeRleToMask(rle: RleInput): BinaryMask {
  const [h, w] = rleSize(rle);
  const counts = rleCounts(rle);
  let area = 0;
  for (let i = 1; i < counts.length; i += 2) area += counts[i] ?? 0;
  if (area < SPARSE_DECODE_SHARE * w * h) return decodeSparse(counts, w, h);
  // Fill runs in column-major order (fill() is a memset), then transpose once.
  const colMajor = new Uint8Array(w * h);
  let pos = 0;
  for (let i = 0; i < counts.length; i++) {
    const len = counts[i] ?? 0;
    if ((i & 1) === 1 && len > 0) colMajor.fill(1, pos, pos + len);
    pos += len;
  }
  const mask = createMask(w, h);
  transposeBytes(colMajor, w, h, mask.data);
  return mask;
}

/** Writes each foreground run down its column(s) of a zeroed row-major mask. */
function decodeSparse(counts: readonly number[], w: number, h: number): BinaryMask {
  const mask = createMask(w, h);
  const data = mask.data;
  let pos = 0;
  for (let i = 0; i < counts.length; i++) {
    const len = counts[i] ?? 0;
    if ((i & 1) === 1 && len > 0) {
      let x = Math.floor(pos / h);
      let y = pos - x * h;
      for (let k = 0; k < len; k++) {
        data[y * w + x] = 1;
        if (++y === h) {
          y = 0;
          x++;
        }
      }
    }
    pos += len;
  }
  return mask;
}

/** Foreground pixel count straight from the runs (pycocotools area: sum of odd-index counts). */
export function rleArea(rle: RleInput): number {
  const counts = rleCounts(rle);
  let area = 0;
  for (let i = 1; i < counts.length; i += 2) area += counts[i] ?? 0;
  return area;
}

/**
 * Bounding box [x, y, w, h] of the foreground without decoding, as pycocotools toBbox:
 * w = xmax - xmin + 1, and an empty mask gives [0, 0, 0, 0].
 *
 * A foreground run that spans two or more columns covers the bottom of one column and
 * the top of the next, so the box then spans the full height (same rule as rleToBbox).
 * Unlike rleToBbox we skip zero-length foreground runs, which pycocotools never writes
 * but hand-made RLE may contain; rleToBbox would count the pixel before them.
 */
export function rleBbox(rle: RleInput): [x: number, y: number, w: number, h: number] {
  const [h] = rleSize(rle);
  const counts = rleCounts(rle);
  let xs = Infinity;
  let ys = Infinity;
  let xe = -1;
  let ye = -1;
  let pos = 0;
  for (let i = 0; i < counts.length; i++) {
    const len = counts[i] ?? 0;
    if ((i & 1) === 1 && len > 0) {
      const first = pos;
      const last = pos + len - 1;
      const x0 = Math.floor(first / h);
      const x1 = Math.floor(last / h);
      const y0 = first - x0 * h;
      const y1 = last - x1 * h;
      if (x0 < xs) xs = x0;
      if (x1 > xe) xe = x1;
      if (x1 > x0) {
        ys = 0;
        ye = h - 1;
      } else {
        if (y0 < ys) ys = y0;
        if (y1 > ye) ye = y1;
      }
    }
    pos += len;
  }
  if (xe < 0) return [0, 0, 0, 0];
  return [xs, ys, xe - xs + 1, ye - ys + 1];
}
