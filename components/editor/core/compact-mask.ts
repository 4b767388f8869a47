// Masks the document holds, kept as their run lengths. An image with 150
// masks of 2400x1600 pixels is 576 MB as full-size bytes but a few MB as runs,
// and drawing, hit-testing and the "uncovered" view work from the runs. A
// compact mask is still a BinaryMask: reading `data` decodes the full bytes,
// which stay cached while few enough other masks are decoded (least recently
// used are dropped past MATERIALIZED_BUDGET_BYTES), so an edit of the
// selected object decodes it once. Masks are immutable (types.ts), so the runs,
// the RLE and the decoded bytes of a compact mask never disagree.
import {
  encodeMaskToRle,
  foregroundRuns,
  maskToRleCounts,
  masksEqual,
  paintRuns,
  rleCountsToString,
  rleCounts,
  runsBbox,
  runsPixel,
  runsRegion,
  runsToMask,
  sameRuns,
  type Bbox,
  type BinaryMask,
  type CocoRle,
  type ForegroundRuns,
} from "@/lib/mask";
import { rememberFacts } from "./mask-facts";

/** Decoded bytes kept at most: enough for the objects being edited, far below a dense image's full set. */
export const MATERIALIZED_BUDGET_BYTES = 96 * 2 ** 20;

interface Compact {
  readonly runs: ForegroundRuns;
  readonly rle: CocoRle;
  decoded: Uint8Array | null;
  lastUse: number;
}

const compacts = new WeakMap<BinaryMask, Compact>();
/** RLE of plain masks that were encoded once (saves, copies). */
const encoded = new WeakMap<BinaryMask, CocoRle>();
/** Compact masks whose bytes are decoded, for eviction. */
const materialized = new Set<Compact>();
let materializedBytes = 0;
let clock = 0;

function release(entry: Compact): void {
  if (!entry.decoded) return;
  materializedBytes -= entry.decoded.length;
  entry.decoded = null;
  materialized.delete(entry);
}

function keepDecoded(entry: Compact, data: Uint8Array): void {
  entry.decoded = data;
  entry.lastUse = ++clock;
  materialized.add(entry);
  materializedBytes += data.length;
  while (materializedBytes > MATERIALIZED_BUDGET_BYTES && materialized.size > 1) {
    let oldest: Compact | null = null;
    for (const candidate of materialized) if (candidate !== entry && (!oldest || candidate.lastUse < oldest.lastUse)) oldest = candidate;
    if (!oldest) break;
    release(oldest);
  }
}

function makeCompact(rle: CocoRle, runs: ForegroundRuns, decoded: Uint8Array | null): BinaryMask {
  const entry: Compact = { runs, rle, decoded: null, lastUse: 0 };
  // An own enumerable accessor: structuredClone, spreads and deep equality read the bytes like a plain mask's.
  const mask = Object.defineProperties({} as BinaryMask, {
    width: { value: runs.width, enumerable: true },
    height: { value: runs.height, enumerable: true },
    data: {
      enumerable: true,
      get(): Uint8Array {
        if (entry.decoded) {
          entry.lastUse = ++clock;
          return entry.decoded;
        }
        const data = runsToMask(runs).data;
        keepDecoded(entry, data);
        return data;
      },
    },
  });
  compacts.set(mask, entry);
  if (decoded) keepDecoded(entry, decoded);
  rememberFacts(mask, runs.area, runsBbox(runs));
  return mask;
}

/** A compact mask from a saved RLE, with nothing decoded. */
export function compactMaskFromRle(rle: CocoRle): BinaryMask {
  const [height, width] = rle.size;
  return makeCompact({ size: [height, width], counts: rle.counts }, foregroundRuns(rleCounts(rle), width, height), null);
}

/** The same pixels as a compact mask (a compact mask is returned as is). Its bytes stay decoded until evicted. */
export function compactMask(mask: BinaryMask): BinaryMask {
  if (compacts.has(mask)) return mask;
  // One pass over the pixels gives both the runs and the RLE string (not encode, then parse the string back).
  const counts = maskToRleCounts(mask);
  const rle = encoded.get(mask) ?? { size: [mask.height, mask.width] as [number, number], counts: rleCountsToString(counts) };
  return makeCompact(rle, foregroundRuns(counts, mask.width, mask.height), mask.data);
}

export function isCompactMask(mask: BinaryMask): boolean {
  return compacts.has(mask);
}

/** Whether reading `data` would return bytes already decoded (tests and the load bench). */
export function isDecoded(mask: BinaryMask): boolean {
  const entry = compacts.get(mask);
  return entry ? entry.decoded !== null : true;
}

/** COCO RLE of any mask: a compact mask's own, a plain mask's encoded once. */
export function maskRle(mask: BinaryMask): CocoRle {
  const entry = compacts.get(mask);
  if (entry) return entry.rle;
  let rle = encoded.get(mask);
  if (!rle) {
    rle = encodeMaskToRle(mask);
    encoded.set(mask, rle);
  }
  return rle;
}

/** Whether (x, y) is foreground, without decoding a compact mask. */
export function maskPixel(mask: BinaryMask, x: number, y: number): boolean {
  const entry = compacts.get(mask);
  if (entry && !entry.decoded) return runsPixel(entry.runs, x, y);
  if (x < 0 || y < 0 || x >= mask.width || y >= mask.height) return false;
  return mask.data[y * mask.width + x] !== 0;
}

/** The pixels inside `rect` as a row-major crop; outside the mask reads 0. */
export function maskRegion(mask: BinaryMask, rect: Bbox): Uint8Array {
  const entry = compacts.get(mask);
  if (entry && !entry.decoded) return runsRegion(entry.runs, rect);
  const [rx, ry, rw, rh] = rect;
  const out = new Uint8Array(Math.max(0, rw) * Math.max(0, rh));
  const { data, width, height } = mask;
  for (let y = Math.max(0, ry); y < Math.min(height, ry + rh); y++) {
    const x0 = Math.max(0, rx);
    const x1 = Math.min(width, rx + rw);
    if (x1 > x0) out.set(data.subarray(y * width + x0, y * width + x1), (y - ry) * rw + (x0 - rx));
  }
  return out;
}

/** Sets the mask's pixels in a row-major buffer of its size; returns how many were newly set. */
export function paintMaskInto(mask: BinaryMask, target: Uint8Array): number {
  const entry = compacts.get(mask);
  if (entry) return paintRuns(entry.runs, target);
  const { data } = mask;
  let added = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== 0 && target[i] === 0) {
      target[i] = 1;
      added++;
    }
  }
  return added;
}

/** Same pixels? Two compact masks compare their runs instead of their bytes. */
export function sameMaskPixels(a: BinaryMask, b: BinaryMask): boolean {
  if (a === b) return true;
  if (a.width !== b.width || a.height !== b.height) return false;
  const ca = compacts.get(a);
  const cb = compacts.get(b);
  if (ca && cb) return sameRuns(ca.runs, cb.runs);
  return masksEqual(a, b);
}
