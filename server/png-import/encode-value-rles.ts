// One COCO RLE per pixel value of a label image, in a single column-major
// pass (COCO's order), so an instance PNG with hundreds of objects costs one
// walk over its pixels and no per-object full-size mask.
import type { PngPixels } from "./decode-png-pixels";

export type ValueRle = {
  /** Uncompressed COCO RLE counts: background first, then alternating runs. */
  counts: number[];
  area: number;
  /** [x, y, width, height] of the pixels, as pycocotools' toBbox. */
  bbox: [number, number, number, number];
};

type Building = { counts: number[]; end: number; area: number; minX: number; maxX: number; minY: number; maxY: number };

/** Every value for which `isObject` holds gets its RLE; others (background, void) are skipped. */
export function encodeValueRles(pixels: PngPixels, isObject: (value: number) => boolean): Map<number, ValueRle> {
  const { width, height, values } = pixels;
  const building = new Map<number, Building>();
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const value = values[y * width + x] as number;
      if (!isObject(value)) continue;
      const position = x * height + y;
      let entry = building.get(value);
      if (!entry) {
        entry = { counts: [], end: 0, area: 0, minX: x, maxX: x, minY: y, maxY: y };
        building.set(value, entry);
      }
      if (entry.counts.length > 0 && entry.end === position) {
        entry.counts[entry.counts.length - 1]! += 1;
      } else {
        entry.counts.push(position - entry.end, 1);
      }
      entry.end = position + 1;
      entry.area += 1;
      if (x > entry.maxX) entry.maxX = x;
      if (y < entry.minY) entry.minY = y;
      if (y > entry.maxY) entry.maxY = y;
    }
  }
  const total = width * height;
  const out = new Map<number, ValueRle>();
  for (const [value, entry] of building) {
    const counts = entry.end < total ? [...entry.counts, total - entry.end] : entry.counts;
    out.set(value, { counts, area: entry.area, bbox: [entry.minX, entry.minY, entry.maxX - entry.minX + 1, entry.maxY - entry.minY + 1] });
  }
  return out;
}
