// Inference: one image embedding -> scored boxes in image pixels, after box
// NMS. ~10 ms of feature building plus one forward pass over the image's cells.
import type * as tfTypes from "@tensorflow/tfjs";
import { nmsBoxes } from "@/lib/detector/box-nms";
import type { ScoredBox } from "@/lib/detector/box";
import { buildIntegralMaps, cellFeatures } from "@/lib/detector/cell-features";
import { CELL_COUNT, GRID_SIZE, decodeDenseBoxes, validCells } from "@/lib/detector/dense-grid";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import { forwardHead, normalizeFeatures, type DetectorHead } from "./detector-head";
import type { Tf } from "./tfjs-runtime";

/** Per-cell score (probability) and log (l, t, r, b) distances over the whole 64x64 grid; 0 on padding cells. */
export async function scoreCells(options: { tf: Tf; head: DetectorHead; embedding: Float32Array; geometry: ResizeGeometry }): Promise<{ scores: Float32Array; distances: Float32Array }> {
  const { tf, head, embedding, geometry } = options;
  const valid = validCells(geometry);
  const cells: number[] = [];
  for (let cell = 0; cell < CELL_COUNT; cell++) if (valid[cell]) cells.push(cell);
  const integral = buildIntegralMaps({ data: embedding, channels: head.channels, size: GRID_SIZE });
  const features = normalizeFeatures(head, cellFeatures({ integral, cells, poolSizes: head.poolSizes }));
  const width = head.featureMean.length;
  const output = tf.tidy(() => {
    const raw = forwardHead(tf, head, tf.tensor2d(features, [cells.length, width]));
    return tf.concat([tf.sigmoid(raw.slice([0, 0], [cells.length, 1])), raw.slice([0, 1], [cells.length, 4])], 1) as tfTypes.Tensor2D;
  });
  const values = (await output.data()) as Float32Array;
  output.dispose();
  const scores = new Float32Array(CELL_COUNT);
  const distances = new Float32Array(CELL_COUNT * 4);
  cells.forEach((cell, i) => {
    scores[cell] = values[i * 5]!;
    for (let k = 0; k < 4; k++) distances[cell * 4 + k] = values[i * 5 + 1 + k]!;
  });
  return { scores, distances };
}

export async function detectBoxes(options: {
  tf: Tf;
  head: DetectorHead;
  /** [1,256,64,64] channel-major SAM embedding. */
  embedding: Float32Array;
  geometry: ResizeGeometry;
  minScore: number;
  nmsIou: number;
  topK: number;
  /** Cells decoded into boxes before NMS (best scores first). */
  maxCandidates?: number;
}): Promise<ScoredBox[]> {
  const { geometry } = options;
  const { scores, distances } = await scoreCells(options);
  const candidates = decodeDenseBoxes({
    scores,
    distances,
    geometry,
    minScore: options.minScore,
    maxCandidates: options.maxCandidates ?? 1000,
  });
  return nmsBoxes({ boxes: candidates, iouThreshold: options.nmsIou, maxOutput: options.topK });
}
