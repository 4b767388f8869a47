// Pre-fill vs ground truth, COCO style: predictions matched greedily (best
// score first) to the unmatched ground-truth object with the highest mask
// IoU >= threshold. Ground truth the benchmark does not count (crowd
// regions, objects under the size cut) is "ignore": a prediction that
// matches one is neither a true nor a false positive, as in COCO's area-range
// evaluation. `strictPrecision` counts those as false positives too.
import type { BinaryMask } from "@/lib/mask";
import { maskIntersection, type ScoredMask } from "./mask-nms";

export interface GroundTruthMask extends ScoredMask {
  /** Crowd regions match by intersection over the prediction's area (COCO iscrowd). */
  crowd: boolean;
}

export interface MatchCounts {
  truePositives: number;
  falsePositives: number;
  ignored: number;
  groundTruth: number;
}

export function scoredMaskFrom(mask: BinaryMask, score = 1): ScoredMask {
  let x0 = mask.width;
  let y0 = mask.height;
  let x1 = 0;
  let y1 = 0;
  let area = 0;
  for (let i = 0; i < mask.data.length; i++) {
    if (mask.data[i] === 0) continue;
    const x = i % mask.width;
    const y = (i - x) / mask.width;
    area++;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + 1);
    y1 = Math.max(y1, y + 1);
  }
  return { mask, bounds: { x0, y0, x1, y1 }, area, score };
}

export function matchMasks({
  predictions,
  objects,
  ignore,
  iouThreshold,
}: {
  predictions: readonly ScoredMask[];
  objects: readonly ScoredMask[];
  ignore: readonly GroundTruthMask[];
  iouThreshold: number;
}): MatchCounts {
  const taken = new Array<boolean>(objects.length).fill(false);
  const counts: MatchCounts = { truePositives: 0, falsePositives: 0, ignored: 0, groundTruth: objects.length };
  for (const prediction of [...predictions].sort((a, b) => b.score - a.score)) {
    let best = -1;
    let bestIou = iouThreshold;
    objects.forEach((object, index) => {
      if (taken[index]) return;
      const inter = maskIntersection(prediction, object);
      const iou = inter === 0 ? 0 : inter / (prediction.area + object.area - inter);
      if (iou >= bestIou) {
        bestIou = iou;
        best = index;
      }
    });
    if (best >= 0) {
      taken[best] = true;
      counts.truePositives++;
      continue;
    }
    const matchesIgnored = ignore.some((region) => {
      const inter = maskIntersection(prediction, region);
      if (inter === 0) return false;
      const overlap = region.crowd ? inter / prediction.area : inter / (prediction.area + region.area - inter);
      return overlap >= iouThreshold;
    });
    if (matchesIgnored) counts.ignored++;
    else counts.falsePositives++;
  }
  return counts;
}
