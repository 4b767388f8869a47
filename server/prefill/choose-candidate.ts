// Picks one of the multimask decoder's candidates for a proposal: the one
// with the highest predicted IoU among those that pass the confidence
// filters. SAM's decoder emits 4 masks per prompt (index 0 is the
// single-mask token, 1-3 the multimask ones); a box is unambiguous enough
// for any of them, a single point is not, so points use 1-3 only, as SAM's
// automatic mask generator does. Stability here is measured on the low-res
// logits (cheap); the final filter recomputes it at full resolution.
import { boxIou, type Box } from "@/lib/detector/box";
import type { DecodeCandidates } from "../sam/decode-prompt";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";

export interface CandidateChoice {
  index: number;
  predictedIou: number;
  lowResStability: number;
  /** IoU of the low-res mask's box with the prompt box (1 without a box). */
  boxAgreement: number;
  lowResLogits: Float32Array;
}

function lowResArea(logits: Float32Array, lowResSize: number, width: number, height: number): number {
  let area = 0;
  for (let y = 0; y < height; y++) {
    const row = y * lowResSize;
    for (let x = 0; x < width; x++) if (logits[row + x]! > 0) area++;
  }
  return area;
}

/** IoU between the box of the (logit > 0) low-res mask and a box in low-res pixels. */
function lowResBoxAgreement(logits: Float32Array, lowResSize: number, box: Box, width: number, height: number): number {
  let x0 = lowResSize;
  let y0 = lowResSize;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * lowResSize;
    for (let x = 0; x < width; x++) {
      if (logits[row + x]! <= 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  if (x1 < 0) return 0;
  return boxIou({ x0, y0, x1: x1 + 1, y1: y1 + 1 }, box);
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
  box,
  preferLargest = false,
}: {
  candidates: DecodeCandidates;
  geometry: ResizeGeometry;
  lowResSize: number;
  allowed: readonly number[];
  minPredictedIou: number;
  minStability: number;
  /**
   * The prompt box in image pixels. With one, passing candidates are ranked
   * by how well their mask fills the box: a box asks for the whole object,
   * and the crisper part masks (which would win on predicted IoU) are what
   * annotators end up deleting.
   */
  box?: Box | null;
  /**
   * Without a box: rank passing candidates by mask size instead of predicted
   * IoU. A point on a shirt then yields the person rather than the shirt;
   * annotators label objects, and the part masks SAM is most confident
   * about are mostly what they would delete.
   */
  preferLargest?: boolean;
}): { best: CandidateChoice | null; passing: boolean } {
  const plane = lowResSize * lowResSize;
  const ratio = lowResSize / geometry.inputSize;
  const cropWidth = Math.min(lowResSize, Math.max(1, Math.round(geometry.resizedWidth * ratio)));
  const cropHeight = Math.min(lowResSize, Math.max(1, Math.round(geometry.resizedHeight * ratio)));
  const sx = (geometry.resizedWidth / geometry.width) * ratio;
  const sy = (geometry.resizedHeight / geometry.height) * ratio;
  const lowResBox = box ? { x0: box.x0 * sx, y0: box.y0 * sy, x1: box.x1 * sx, y1: box.y1 * sy } : null;
  let best: CandidateChoice | null = null;
  let bestPasses = false;
  let bestArea = -1;
  for (const index of allowed) {
    if (index >= candidates.count) continue;
    const logits = candidates.lowResLogits.subarray(index * plane, (index + 1) * plane);
    const predictedIou = candidates.iouPredictions[index]!;
    const stability = lowResStability({ logits, geometry, lowResSize });
    const passes = predictedIou >= minPredictedIou && stability >= minStability;
    const boxAgreement = lowResBox ? lowResBoxAgreement(logits, lowResSize, lowResBox, cropWidth, cropHeight) : 1;
    const area = !lowResBox && preferLargest && passes ? lowResArea(logits, lowResSize, cropWidth, cropHeight) : 0;
    // A passing candidate beats any failing one; then the better box fit (or the larger mask), then the higher predicted IoU.
    let better: boolean;
    if (!best) better = true;
    else if (passes !== bestPasses) better = passes;
    else if (lowResBox) {
      const gain = boxAgreement - best.boxAgreement;
      better = gain > 0.05 || (Math.abs(gain) <= 0.05 && predictedIou > best.predictedIou);
    } else if (preferLargest && passes) better = area > bestArea;
    else better = predictedIou > best.predictedIou;
    if (better) {
      best = { index, predictedIou, lowResStability: stability, boxAgreement, lowResLogits: logits };
      bestPasses = passes;
      bestArea = area;
    }
  }
  return { best, passing: bestPasses };
}
