// Class-agnostic box detection metrics for the held-out evaluation:
// proposal recall at IoU 0.5 among each image's top-K boxes, and AP at IoU
// 0.5 (COCO's 101-point interpolated precision, greedy matching by score).
import { boxIou, type Box, type ScoredBox } from "./box";

export interface EvaluatedImage {
  /** Detections after NMS, any order. */
  detections: readonly ScoredBox[];
  groundTruth: readonly Box[];
}

/** Fraction of ground-truth boxes overlapped (IoU >= threshold) by one of the image's top-K detections. */
export function recallAtK({ images, k, iouThreshold = 0.5 }: { images: readonly EvaluatedImage[]; k: number; iouThreshold?: number }): number {
  let found = 0;
  let total = 0;
  for (const image of images) {
    const top = [...image.detections].sort((a, b) => b.score - a.score).slice(0, k);
    for (const gt of image.groundTruth) {
      total++;
      if (top.some((det) => boxIou(det, gt) >= iouThreshold)) found++;
    }
  }
  return total === 0 ? 0 : found / total;
}

/** Average precision: each ground truth matches at most one detection, best score first. */
export function averagePrecision({ images, iouThreshold = 0.5 }: { images: readonly EvaluatedImage[]; iouThreshold?: number }): number {
  const all: { score: number; tp: boolean }[] = [];
  let totalGt = 0;
  for (const image of images) {
    totalGt += image.groundTruth.length;
    const taken = new Array<boolean>(image.groundTruth.length).fill(false);
    for (const det of [...image.detections].sort((a, b) => b.score - a.score)) {
      let best = -1;
      let bestIou = iouThreshold;
      image.groundTruth.forEach((gt, index) => {
        if (taken[index]) return;
        const iou = boxIou(det, gt);
        if (iou >= bestIou) {
          bestIou = iou;
          best = index;
        }
      });
      if (best >= 0) taken[best] = true;
      all.push({ score: det.score, tp: best >= 0 });
    }
  }
  if (totalGt === 0) return 0;
  all.sort((a, b) => b.score - a.score);
  const precision: number[] = [];
  const recall: number[] = [];
  let tp = 0;
  all.forEach((entry, index) => {
    if (entry.tp) tp++;
    precision.push(tp / (index + 1));
    recall.push(tp / totalGt);
  });
  // Precision envelope (monotone non-increasing from the right), sampled at 101 recall points.
  for (let i = precision.length - 2; i >= 0; i--) precision[i] = Math.max(precision[i] as number, precision[i + 1] as number);
  let sum = 0;
  for (let step = 0; step <= 100; step++) {
    const r = step / 100;
    const index = recall.findIndex((value) => value >= r);
    sum += index < 0 ? 0 : (precision[index] as number);
  }
  return sum / 101;
}
