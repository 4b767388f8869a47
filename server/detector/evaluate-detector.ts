// Held-out evaluation of a trained head: box recall at IoU 0.5 among each
// image's top-20 and top-100 boxes, and AP at IoU 0.5.
import { averagePrecision, recallAtK, type EvaluatedImage } from "@/lib/detector/detection-metrics";
import { detectBoxes } from "./detect-boxes";
import type { DetectorHead } from "./detector-head";
import type { DetectorSample } from "./train-detector-head";
import { tfjsRuntime } from "./tfjs-runtime";

export interface DetectorEvaluation {
  recallAt20: number;
  recallAt100: number;
  ap50: number;
  boxes: number;
}

export async function evaluateDetector(options: { head: DetectorHead; samples: DetectorSample[]; nmsIou?: number }): Promise<DetectorEvaluation> {
  const tf = await tfjsRuntime();
  const images: EvaluatedImage[] = [];
  for (const sample of options.samples) {
    const detections = await detectBoxes({
      tf,
      head: options.head,
      embedding: await sample.loadEmbedding(),
      geometry: sample.geometry,
      // Low bar: recall@100 and AP should see the whole ranking.
      minScore: 0.001,
      nmsIou: options.nmsIou ?? 0.6,
      topK: 100,
    });
    images.push({ detections, groundTruth: sample.boxes });
  }
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    recallAt20: round(recallAtK({ images, k: 20 })),
    recallAt100: round(recallAtK({ images, k: 100 })),
    ap50: round(averagePrecision({ images })),
    boxes: images.reduce((n, image) => n + image.groundTruth.length, 0),
  };
}
