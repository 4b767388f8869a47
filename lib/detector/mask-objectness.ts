// Mask-level objectness from the detector's dense score map: the mean and
// the maximum of the per-cell scores under a mask (cells weighted by the
// mask pixels they hold). One cell's score is a noisy vote; the mean over
// the whole region the mask covers is a steadier one.
import type { BinaryMask } from "@/lib/mask";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import { GRID_SIZE, cellStride } from "./dense-grid";

export function maskObjectness({ mask, scores, geometry }: { mask: BinaryMask; scores: ArrayLike<number>; geometry: ResizeGeometry }): { mean: number; max: number } {
  const stride = cellStride(geometry);
  const sx = geometry.resizedWidth / geometry.width / stride;
  const sy = geometry.resizedHeight / geometry.height / stride;
  const colOf = new Int32Array(mask.width);
  for (let x = 0; x < mask.width; x++) colOf[x] = Math.min(GRID_SIZE - 1, Math.floor((x + 0.5) * sx));
  let sum = 0;
  let count = 0;
  let max = 0;
  for (let y = 0; y < mask.height; y++) {
    const rowBase = Math.min(GRID_SIZE - 1, Math.floor((y + 0.5) * sy)) * GRID_SIZE;
    const row = y * mask.width;
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[row + x] === 0) continue;
      const v = scores[rowBase + colOf[x]!]!;
      sum += v;
      count++;
      if (v > max) max = v;
    }
  }
  return { mean: count === 0 ? 0 : sum / count, max };
}
