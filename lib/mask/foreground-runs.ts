/**
 * A mask kept as its foreground runs (COCO's column-major order: index = x * height + y)
 * instead of width * height bytes. The editor holds every saved mask of an image this way
 * (an object covering 2% of a 2400x1600 picture is a few thousand runs, not 3.8 MB), and
 * answers what it needs without the full mask: a pixel, the pixels inside a box, the
 * union with other masks. Only an edit needs the bytes (runsToMask).
 */
import { createMask, type BinaryMask } from "./binary-mask";
import type { Bbox } from "./mask-geometry";

export interface ForegroundRuns {
  readonly width: number;
  readonly height: number;
  /** Column-major start (inclusive) and end (exclusive) of each foreground run, ascending, non-empty. */
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly area: number;
}

/**
 * The foreground runs of COCO run lengths (alternating background / foreground,
 * background first). Runs only a zero-length background run apart are merged, so
 * two masks have equal runs exactly when they have equal pixels (sameRuns).
 */
export function foregroundRuns(counts: readonly number[], width: number, height: number): ForegroundRuns {
  let n = 0;
  for (let i = 1; i < counts.length; i += 2) if ((counts[i] ?? 0) > 0) n++;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  let pos = 0;
  let k = 0;
  let area = 0;
  for (let i = 0; i < counts.length; i++) {
    const len = counts[i] ?? 0;
    if ((i & 1) === 1 && len > 0) {
      if (k > 0 && ends[k - 1] === pos) ends[k - 1] = pos + len;
      else {
        starts[k] = pos;
        ends[k] = pos + len;
        k++;
      }
      area += len;
    }
    pos += len;
  }
  return { width, height, starts: starts.subarray(0, k), ends: ends.subarray(0, k), area };
}

/** Whether two masks have the same size and pixels. */
export function sameRuns(a: ForegroundRuns, b: ForegroundRuns): boolean {
  if (a.width !== b.width || a.height !== b.height || a.area !== b.area || a.starts.length !== b.starts.length) return false;
  for (let k = 0; k < a.starts.length; k++) if (a.starts[k] !== b.starts[k] || a.ends[k] !== b.ends[k]) return false;
  return true;
}

/** Index of the first run ending after `index` (binary search); runs.starts.length when none. */
function firstRunEndingAfter(runs: ForegroundRuns, index: number): number {
  let lo = 0;
  let hi = runs.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((runs.ends[mid] as number) <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether pixel (x, y) is foreground. */
export function runsPixel(runs: ForegroundRuns, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= runs.width || y >= runs.height) return false;
  const index = x * runs.height + y;
  const k = firstRunEndingAfter(runs, index);
  return k < runs.starts.length && (runs.starts[k] as number) <= index;
}

/**
 * Calls `visit(x, yStart, yEnd)` for every vertical stretch of foreground in columns
 * x0 <= x < x1 (yEnd exclusive), column by column, top to bottom.
 */
export function forEachColumnSpan(runs: ForegroundRuns, x0: number, x1: number, visit: (x: number, yStart: number, yEnd: number) => void): void {
  const h = runs.height;
  if (h === 0 || x1 <= x0) return;
  const from = Math.max(0, x0) * h;
  const to = Math.min(runs.width, x1) * h;
  for (let k = firstRunEndingAfter(runs, from); k < runs.starts.length; k++) {
    const start = Math.max(runs.starts[k] as number, from);
    if (start >= to) break;
    const end = Math.min(runs.ends[k] as number, to);
    let index = start;
    while (index < end) {
      const x = Math.floor(index / h);
      const columnEnd = Math.min(end, (x + 1) * h);
      visit(x, index - x * h, columnEnd - x * h);
      index = columnEnd;
    }
  }
}

/** [x, y, width, height] of the foreground; [0, 0, 0, 0] when empty. */
export function runsBbox(runs: ForegroundRuns): Bbox {
  if (runs.area === 0) return [0, 0, 0, 0];
  let xs = Infinity;
  let ys = Infinity;
  let xe = -1;
  let ye = -1;
  forEachColumnSpan(runs, 0, runs.width, (x, y0, y1) => {
    if (x < xs) xs = x;
    if (x > xe) xe = x;
    if (y0 < ys) ys = y0;
    if (y1 - 1 > ye) ye = y1 - 1;
  });
  return [xs, ys, xe - xs + 1, ye - ys + 1];
}

/** The pixels inside a box as a row-major crop (rect's width * height bytes; outside the mask reads 0). */
export function runsRegion(runs: ForegroundRuns, rect: Bbox): Uint8Array {
  const [rx, ry, rw, rh] = rect;
  const out = new Uint8Array(Math.max(0, rw) * Math.max(0, rh));
  forEachColumnSpan(runs, rx, rx + rw, (x, y0, y1) => {
    const top = Math.max(y0, ry);
    const bottom = Math.min(y1, ry + rh);
    for (let y = top, o = (top - ry) * rw + (x - rx); y < bottom; y++, o += rw) out[o] = 1;
  });
  return out;
}

/**
 * Sets the mask's foreground in a row-major buffer of the same width and height;
 * returns how many pixels were newly set (for a union's area).
 */
export function paintRuns(runs: ForegroundRuns, target: Uint8Array): number {
  const w = runs.width;
  let added = 0;
  forEachColumnSpan(runs, 0, w, (x, y0, y1) => {
    for (let y = y0, o = y0 * w + x; y < y1; y++, o += w) {
      if (target[o] === 0) {
        target[o] = 1;
        added++;
      }
    }
  });
  return added;
}

/** The full row-major mask. */
export function runsToMask(runs: ForegroundRuns): BinaryMask {
  const mask = createMask(runs.width, runs.height);
  paintRuns(runs, mask.data);
  return mask;
}
