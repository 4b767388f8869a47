// Picks one of the multimask decoder's candidates for a proposal: the one
// with the highest predicted IoU among those that pass the confidence
// filters. SAM's decoder emits 4 masks per prompt (index 0 is the
// single-mask token, 1-3 the multimask ones); a box is unambiguous enough
// for any of them, a single point is not, so points use 1-3 only, as SAM's
// automatic mask generator does. Stability here is measured on the low-res
// logits (cheap); the final filter recomputes it at full resolution.
import type { DecodeCandidates } from "../sam/decode-prompt";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";

export interface CandidateChoice {
  index: number;
  predictedIou: number;
  lowResStability: number;
  lowResLogits: Float32Array;
}

/** Stability (IoU of the mask at logit +1 vs -1) over the image part of a low-res map. */
export function lowResStability({ logits, geometry, lowResSize }: { logits: Float32Array; geometry: ResizeGeometry; lowResSize: number }): number {
  const ratio = lowResSize / geometry.inputSize;
  const width = Math.min(lowResSize, Math.max(1, Math.round(geometry.resizedWidth * ratio)));
  const height = Math.min(lowResSize, Math.max(1, Math.round(geometry.resizedHeight * ratio)));
  let high = 0;
  let low = 0;
  for (let y = 0; y < height; y++) {
    const row = y * lowResSize;
    for (let x = 0; x < width; x++) {
      const v = logits[row + x]!;
      if (v > 1) high++;
      if (v > -1) low++;
    }
  }
  return low === 0 ? 0 : high / low;
}

export function chooseCandidate({
  candidates,
  geometry,
  lowResSize,
  allowed,
  minPredictedIou,
  minStability,
}: {
  candidates: DecodeCandidates;
  geometry: ResizeGeometry;
  lowResSize: number;
  allowed: readonly number[];
  minPredictedIou: number;
  minStability: number;
}): { best: CandidateChoice | null; passing: boolean } {
  const plane = lowResSize * lowResSize;
  let best: CandidateChoice | null = null;
  let bestPasses = false;
  for (const index of allowed) {
    if (index >= candidates.count) continue;
    const logits = candidates.lowResLogits.subarray(index * plane, (index + 1) * plane);
    const predictedIou = candidates.iouPredictions[index]!;
    const stability = lowResStability({ logits, geometry, lowResSize });
    const passes = predictedIou >= minPredictedIou && stability >= minStability;
    // A passing candidate beats any failing one; then the higher predicted IoU wins.
    const better = !best || (passes && !bestPasses) || (passes === bestPasses && predictedIou > best.predictedIou);
    if (better) {
      best = { index, predictedIou, lowResStability: stability, lowResLogits: logits };
      bestPasses = passes;
    }
  }
  return { best, passing: bestPasses };
}
