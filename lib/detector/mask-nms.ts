// Greedy mask NMS for pre-fill: masks sorted by score; one overlapping an
// already kept mask by more than iouThreshold (pixel IoU) is dropped.
// Overlap is counted only inside the two bounding boxes' intersection, so
// far-apart masks cost nothing.
import type { BinaryMask } from "@/lib/mask";
import type { Box } from "./box";

export interface ScoredMask {
  mask: BinaryMask;
  /** Pixel-inclusive bounds of the foreground ([x0, x1) x [y0, y1)). */
  bounds: Box;
  area: number;
  score: number;
}

export function maskIntersection(a: ScoredMask, b: ScoredMask): number {
  const x0 = Math.max(a.bounds.x0, b.bounds.x0);
  const x1 = Math.min(a.bounds.x1, b.bounds.x1);
  const y0 = Math.max(a.bounds.y0, b.bounds.y0);
  const y1 = Math.min(a.bounds.y1, b.bounds.y1);
  if (x1 <= x0 || y1 <= y0) return 0;
  const width = a.mask.width;
  const da = a.mask.data;
  const db = b.mask.data;
  let inter = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * width;
    for (let x = x0; x < x1; x++) if (da[row + x] !== 0 && db[row + x] !== 0) inter++;
  }
  return inter;
}

export function nmsMasks<T extends ScoredMask>({ masks, iouThreshold }: { masks: readonly T[]; iouThreshold: number }): T[] {
  const sorted = [...masks].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  for (const candidate of sorted) {
    const overlaps = kept.some((other) => {
      const inter = maskIntersection(candidate, other);
      return inter > 0 && inter / (candidate.area + other.area - inter) > iouThreshold;
    });
    if (!overlaps) kept.push(candidate);
  }
  return kept;
}

/**
 * Drops masks lying (almost) entirely inside a larger kept mask: parts of an
 * object (a wheel of a car, a shirt of a person), which annotators labelling
 * objects would delete. Largest first, so the whole object is what stays.
 */
export function suppressContained<T extends ScoredMask>({ masks, maxContainment }: { masks: readonly T[]; maxContainment: number }): T[] {
  const kept: T[] = [];
  for (const candidate of [...masks].sort((a, b) => b.area - a.area)) {
    const inside = kept.some((other) => maskIntersection(candidate, other) / candidate.area >= maxContainment);
    if (!inside) kept.push(candidate);
  }
  return kept;
}
