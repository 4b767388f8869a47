// Overlap of two masks straight from their COCO run lengths (column-major,
// alternating background / foreground runs, background first): one merge
// walk over both run lists, no pixels decoded. Comparing an image's masks
// pairwise this way costs O(runs), not O(width × height), per pair.

/**
 * Foreground pixels the two masks share. Both count lists must describe the
 * same height × width (their sums are equal); runs past the shorter list's
 * end are background.
 */
export function rleIntersectionArea(a: readonly number[], b: readonly number[]): number {
  let ia = 0;
  let ib = 0;
  // Pixels left in the current run of each list, and whether that run is foreground.
  let leftA = a[0] ?? 0;
  let leftB = b[0] ?? 0;
  let shared = 0;
  while (ia < a.length && ib < b.length) {
    if (leftA === 0) {
      ia++;
      leftA = a[ia] ?? 0;
      continue;
    }
    if (leftB === 0) {
      ib++;
      leftB = b[ib] ?? 0;
      continue;
    }
    const step = Math.min(leftA, leftB);
    if ((ia & 1) === 1 && (ib & 1) === 1) shared += step;
    leftA -= step;
    leftB -= step;
  }
  return shared;
}

/** Intersection over union of two masks' run lengths with known areas (0 when both are empty). */
export function rleIou(a: readonly number[], areaA: number, b: readonly number[], areaB: number): number {
  const shared = rleIntersectionArea(a, b);
  const union = areaA + areaB - shared;
  return union === 0 ? 0 : shared / union;
}
