// Resizing on export (Roboflow's "resize" preprocessing): images whose longest
// side is over the limit are scaled down to it, keeping their aspect ratio,
// and their masks with them. A mask pixel is set when at least half of the
// source pixels it covers are, so thin parts neither swell nor vanish more
// than they must; an object that falls under one pixel is left out. Prompts
// are dropped (their points would be in the original's coordinates).
import { createMask, decodeRleToMask, encodeMaskToRle, rleArea, rleBbox, type BinaryMask } from "@/lib/mask";
import type { ExportImageWithAnnotations } from "./export-types";

/** The exported size, or null when the image is already within the limit. */
export function resizedSize(width: number, height: number, maxSide: number): { width: number; height: number } | null {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return null;
  const scale = maxSide / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Source index ranges [start, end) covered by each target index: they tile the source exactly. */
function footprints(source: number, target: number): Int32Array {
  const edges = new Int32Array(target + 1);
  for (let i = 0; i <= target; i++) edges[i] = Math.floor((i * source) / target);
  return edges;
}

export function downscaleMask(mask: BinaryMask, width: number, height: number): BinaryMask {
  const out = createMask(width, height);
  const xs = footprints(mask.width, width);
  const ys = footprints(mask.height, height);
  for (let y = 0; y < height; y++) {
    const y0 = ys[y] as number;
    const y1 = Math.max(y0 + 1, ys[y + 1] as number);
    for (let x = 0; x < width; x++) {
      const x0 = xs[x] as number;
      const x1 = Math.max(x0 + 1, xs[x + 1] as number);
      let on = 0;
      for (let sy = y0; sy < y1; sy++) {
        const row = sy * mask.width;
        for (let sx = x0; sx < x1; sx++) on += mask.data[row + sx] as number;
      }
      if (on * 2 >= (y1 - y0) * (x1 - x0)) out.data[y * width + x] = 1;
    }
  }
  return out;
}

/** The item at the exported size (the same item when no resize is needed). */
export function resizeExportItem(item: ExportImageWithAnnotations, maxSide: number): { item: ExportImageWithAnnotations; resized: boolean } {
  const size = resizedSize(item.image.width, item.image.height, maxSide);
  if (!size) return { item, resized: false };
  const annotations = item.annotations.flatMap((annotation) => {
    const rle = encodeMaskToRle(downscaleMask(decodeRleToMask(annotation.rle), size.width, size.height));
    const area = rleArea(rle);
    return area === 0 ? [] : [{ ...annotation, rle, area, bbox: rleBbox(rle), prompt: null }];
  });
  return { item: { image: { ...item.image, ...size }, annotations }, resized: true };
}
