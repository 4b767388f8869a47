// Mask-level objectness from the detector's dense score map: the mean and
// the maximum of the per-cell scores under a mask (cells weighted by the
// mask pixels they hold). One cell's score is a noisy vote; the mean over
// the whole region the mask covers is a steadier one.
import type { BinaryMask } from "@/lib/mask";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import { pixelCells } from "./cell-coverage";

export function maskObjectness({ mask, scores, geometry }: { mask: BinaryMask; scores: ArrayLike<number>; geometry: ResizeGeometry }): { mean: number; max: number } {
  const { column, rowBase } = pixelCells({ geometry, width: mask.width, height: mask.height });
  let sum = 0;
  let count = 0;
  let max = 0;
  for (let y = 0; y < mask.height; y++) {
    const row = y * mask.width;
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[row + x] === 0) continue;
      const v = scores[rowBase[y]! + column[x]!]!;
      sum += v;
      count++;
      if (v > max) max = v;
    }
  }
  return { mean: count === 0 ? 0 : sum / count, max };
}
