/**
 * Area and bounding box of a row-major mask, with pycocotools semantics so values
 * stored in exported COCO annotations equal what pycocotools.mask.area/toBbox would
 * compute from the same pixels.
 */
import { assertValidMask, countForeground, type BinaryMask } from "./binary-mask";

/** COCO bbox [x, y, width, height] in pixels. */
export type Bbox = [x: number, y: number, width: number, height: number];

/** Number of foreground pixels (pycocotools area). */
export function maskArea(mask: BinaryMask): number {
  return countForeground(mask);
}

/**
 * Tight box around the foreground: [xmin, ymin, xmax - xmin + 1, ymax - ymin + 1],
 * i.e. pixel-inclusive like pycocotools toBbox. An empty mask gives [0, 0, 0, 0].
 */
export function maskBbox(mask: BinaryMask): Bbox {
  assertValidMask(mask);
  const { width: w, height: h, data } = mask;
  let xmin = w;
  let xmax = -1;
  let ymin = -1;
  let ymax = -1;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    // Find the first foreground pixel of the row, then only look outside the
    // current [xmin, xmax] span for the last one: rows after the first hit are cheap.
    let first = -1;
    for (let x = 0; x < w; x++) {
      if (data[row + x] !== 0) {
        first = x;
        break;
      }
    }
    if (first < 0) continue;
    if (ymin < 0) ymin = y;
    ymax = y;
    if (first < xmin) xmin = first;
    for (let x = w - 1; x > xmax; x--) {
      if (data[row + x] !== 0) {
        xmax = x;
        break;
      }
    }
  }
  if (ymin < 0) return [0, 0, 0, 0];
  return [xmin, ymin, xmax - xmin + 1, ymax - ymin + 1];
}
