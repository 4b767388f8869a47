// Trains the dense head on frozen SAM embeddings (no database: the job, the
// tests and the benchmark all call this). Recipe: FCOS targets (centerness
// as a soft "quality" target; with masks, only cells on the object are
// positive), quality focal loss for the score, GIoU loss
// for the box sides weighted by centerness, AdamW with warm-up and cosine
// decay. Each step samples cells per image (positives plus random
// negatives, reweighted to the full image), so the cost per image is a few
// hundred cells instead of 4096.
import type * as tfTypes from "@tensorflow/tfjs";
import type { Box } from "@/lib/detector/box";
import { DEFAULT_POOL_SIZES, buildIntegralMaps, cellFeatures, featureLength, type IntegralMaps } from "@/lib/detector/cell-features";
import { CELL_COUNT, GRID_SIZE, boxToModel, buildDenseTargets, cellStride, validCells } from "@/lib/detector/dense-grid";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import { createDetectorHead, forwardHead, normalizeFeatures, type DetectorHead } from "./detector-head";
import { mulberry32, sampleWithout } from "./seeded-random";
import { tfjsRuntime, type Tf } from "./tfjs-runtime";

export interface DetectorSample {
  geometry: ResizeGeometry;
  /** Object boxes in image pixels. */
  boxes: Box[];
  /**
   * Per box, the cell coverage of its mask (lib/detector/cell-coverage), or
   * null: with it only cells on the object are positive.
   */
  coverages?: (Float32Array | null)[];
  /** [1,256,64,64] channel-major; loaded on demand so large sets need not sit in memory. */
  loadEmbedding: () => Promise<Float32Array>;
}

export interface TrainOptions {
  samples: DetectorSample[];
  epochs: number;
  hidden?: number[];
  poolSizes?: number[];
  batchImages?: number;
  positivesPerImage?: number;
  negativesPerImage?: number;
  learningRate?: number;
  weightDecay?: number;
  /**
   * Wall-clock budget: the run plans fewer epochs when the measured epoch
   * time says the rest will not fit, and starts no epoch that the measured time says would overrun it.
   */
  maxSeconds?: number;
  seed?: number;
  onEpoch?: (progress: { epoch: number; epochs: number; loss: number }) => Promise<void> | void;
}

export interface TrainResult {
  head: DetectorHead;
  epochsRun: number;
  finalLoss: number;
  seconds: number;
}

const CHANNELS = 256;

interface PreparedSample {
  sample: DetectorSample;
  quality: Float32Array;
  distances: Float32Array;
  positives: number[];
  negatives: number[];
  /** Kept between epochs while the whole set fits in INTEGRAL_CACHE_BYTES. */
  integral: IntegralMaps | null;
}

/** Integral maps are 4.3 MB per image; cache them for sets up to ~180 images. */
const INTEGRAL_CACHE_BYTES = 768 * 1024 * 1024;

async function integralOf(item: PreparedSample, cache: boolean): Promise<IntegralMaps> {
  if (item.integral) return item.integral;
  const integral = buildIntegralMaps({ data: await item.sample.loadEmbedding(), channels: CHANNELS, size: GRID_SIZE });
  if (cache) item.integral = integral;
  return integral;
}

function prepare(sample: DetectorSample): PreparedSample {
  const boxes = sample.boxes.map((box) => boxToModel(box, sample.geometry));
  const { quality, distances } = buildDenseTargets({ boxes, stride: cellStride(sample.geometry), ...(sample.coverages ? { coverages: sample.coverages } : {}) });
  const valid = validCells(sample.geometry);
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let cell = 0; cell < CELL_COUNT; cell++) {
    if (quality[cell]! > 0) positives.push(cell);
    else if (valid[cell]) negatives.push(cell);
  }
  return { sample, quality, distances, positives, negatives, integral: null };
}

/** Mean and std of each input feature over random cells of the first images. */
async function featureStatistics(prepared: PreparedSample[], poolSizes: number[], random: () => number, cache: boolean) {
  const width = featureLength(CHANNELS, poolSizes);
  const sum = new Float64Array(width);
  const sumSq = new Float64Array(width);
  let rows = 0;
  for (const item of prepared.slice(0, 16)) {
    const integral = await integralOf(item, cache);
    const cells = sampleWithout([...item.positives, ...item.negatives], 512, random);
    const features = cellFeatures({ integral, cells, poolSizes });
    for (let i = 0; i < features.length; i++) {
      const v = features[i]!;
      const k = i % width;
      sum[k] = sum[k]! + v;
      sumSq[k] = sumSq[k]! + v * v;
    }
    rows += cells.length;
  }
  const mean = new Float32Array(width);
  const std = new Float32Array(width);
  for (let k = 0; k < width; k++) {
    const m = sum[k]! / Math.max(rows, 1);
    mean[k] = m;
    std[k] = Math.max(Math.sqrt(Math.max(sumSq[k]! / Math.max(rows, 1) - m * m, 0)), 1e-3);
  }
  return { mean, std };
}

interface Batch {
  features: Float32Array;
  quality: Float32Array;
  distances: Float32Array;
  weights: Float32Array;
  rows: number;
  positives: number;
  /** Sum of quality x weight: the box loss normaliser. */
  qualityMass: number;
}

async function buildBatch(items: PreparedSample[], head: DetectorHead, options: { positives: number; negatives: number; random: () => number; cache: boolean }): Promise<Batch> {
  const width = head.featureMean.length;
  const parts: { cells: number[]; weights: number[]; item: PreparedSample; integral: ReturnType<typeof buildIntegralMaps> }[] = [];
  for (const item of items) {
    const pos = sampleWithout(item.positives, options.positives, options.random);
    const neg = sampleWithout(item.negatives, options.negatives, options.random);
    // Sampled cells stand in for all cells of their kind: weight by the sampling rate.
    const posWeight = item.positives.length / Math.max(pos.length, 1);
    const negWeight = item.negatives.length / Math.max(neg.length, 1);
    const integral = await integralOf(item, options.cache);
    parts.push({ cells: [...pos, ...neg], weights: [...pos.map(() => posWeight), ...neg.map(() => negWeight)], item, integral });
  }
  const rows = parts.reduce((n, part) => n + part.cells.length, 0);
  const batch: Batch = {
    features: new Float32Array(rows * width),
    quality: new Float32Array(rows),
    distances: new Float32Array(rows * 4),
    weights: new Float32Array(rows),
    rows,
    positives: 0,
    qualityMass: 0,
  };
  let row = 0;
  for (const part of parts) {
    cellFeatures({ integral: part.integral, cells: part.cells, poolSizes: head.poolSizes, out: batch.features.subarray(row * width, (row + part.cells.length) * width) });
    part.cells.forEach((cell, i) => {
      const q = part.item.quality[cell]!;
      batch.quality[row + i] = q;
      batch.weights[row + i] = part.weights[i]!;
      if (q > 0) batch.positives += part.weights[i]!;
      batch.qualityMass += q * part.weights[i]!;
      for (let k = 0; k < 4; k++) batch.distances[(row + i) * 4 + k] = part.item.distances[cell * 4 + k]!;
    });
    row += part.cells.length;
  }
  normalizeFeatures(head, batch.features);
  return batch;
}

function batchLoss(tf: Tf, head: DetectorHead, batch: Batch): tfTypes.Scalar {
  const n = batch.rows;
  const out = forwardHead(tf, head, tf.tensor2d(batch.features, [n, head.featureMean.length]));
  const logit = out.slice([0, 0], [n, 1]).reshape([n]);
  const q = tf.tensor1d(batch.quality);
  const w = tf.tensor1d(batch.weights);
  // Quality focal loss (GFL): BCE against the soft target, scaled by |p - q|^2.
  const bce = tf.sub(tf.softplus(logit), tf.mul(q, logit));
  const focal = tf.mul(bce, tf.square(tf.sub(tf.sigmoid(logit), q)));
  const normalizer = Math.max(batch.positives, 1);
  const clsLoss = tf.div(tf.sum(tf.mul(focal, w)), normalizer);
  // GIoU of boxes sharing the cell centre, from (l, t, r, b) side distances.
  const pred = tf.exp(tf.clipByValue(out.slice([0, 1], [n, 4]), -4, Math.log(GRID_SIZE)));
  const target = tf.exp(tf.tensor2d(batch.distances, [n, 4]));
  const side = (t: tfTypes.Tensor, k: number) => t.slice([0, k], [n, 1]).reshape([n]);
  const [pl, pt, pr, pb] = [0, 1, 2, 3].map((k) => side(pred, k)) as [tfTypes.Tensor, tfTypes.Tensor, tfTypes.Tensor, tfTypes.Tensor];
  const [tl, tt, tr, tb] = [0, 1, 2, 3].map((k) => side(target, k)) as [tfTypes.Tensor, tfTypes.Tensor, tfTypes.Tensor, tfTypes.Tensor];
  const predArea = tf.mul(tf.add(pl, pr), tf.add(pt, pb));
  const targetArea = tf.mul(tf.add(tl, tr), tf.add(tt, tb));
  const inter = tf.mul(tf.add(tf.minimum(pl, tl), tf.minimum(pr, tr)), tf.add(tf.minimum(pt, tt), tf.minimum(pb, tb)));
  const union = tf.sub(tf.add(predArea, targetArea), inter);
  const enclosing = tf.mul(tf.add(tf.maximum(pl, tl), tf.maximum(pr, tr)), tf.add(tf.maximum(pt, tt), tf.maximum(pb, tb)));
  const giou = tf.sub(tf.div(inter, union), tf.div(tf.sub(enclosing, union), enclosing));
  const regLoss = tf.div(tf.sum(tf.mul(tf.mul(tf.sub(1, giou), q), w)), Math.max(batch.qualityMass, 1e-6));
  return tf.add(clsLoss, regLoss) as tfTypes.Scalar;
}

export async function trainDetectorHead(options: TrainOptions): Promise<TrainResult> {
  const tf = await tfjsRuntime();
  const started = performance.now();
  const random = mulberry32(options.seed ?? 1);
  const poolSizes = options.poolSizes ?? [...DEFAULT_POOL_SIZES];
  const prepared = options.samples.map(prepare);
  if (prepared.length === 0) throw new Error("No training images");
  const cache = prepared.length * (GRID_SIZE + 1) ** 2 * CHANNELS * 4 <= INTEGRAL_CACHE_BYTES;
  const { mean, std } = await featureStatistics(prepared, poolSizes, random, cache);
  const head = createDetectorHead({ tf, channels: CHANNELS, poolSizes, hidden: options.hidden ?? [96, 64], featureMean: mean, featureStd: std, seed: options.seed ?? 1 });
  const variables = head.layers.flatMap((layer) => [layer.weight, layer.bias]);
  const moments = variables.map((v) => ({ m: tf.variable(tf.zerosLike(v), false), v: tf.variable(tf.zerosLike(v), false) }));
  const batchImages = options.batchImages ?? 8;
  const stepsPerEpoch = Math.ceil(prepared.length / batchImages);
  // The cosine schedule runs over the epochs that will actually run: when the
  // time budget cannot hold them all, the plan shrinks after each epoch so
  // the learning rate still decays to its floor, and no epoch starts that
  // the measured epoch time says would overrun the budget (the job queue
  // expires a job that runs too long).
  let plannedEpochs = options.epochs;
  let totalSteps = plannedEpochs * stepsPerEpoch;
  const loopStarted = performance.now();
  const baseLr = options.learningRate ?? 2e-3;
  const weightDecay = options.weightDecay ?? 1e-4;
  let step = 0;
  let epoch = 0;
  let finalLoss = NaN;
  try {
    for (epoch = 0; epoch < plannedEpochs; epoch++) {
      const order = sampleWithout(prepared.map((_, i) => i), prepared.length, random);
      let lossSum = 0;
      for (let s = 0; s < stepsPerEpoch; s++) {
        const items = order.slice(s * batchImages, (s + 1) * batchImages).map((i) => prepared[i]!);
        const batch = await buildBatch(items, head, { positives: options.positivesPerImage ?? 256, negatives: options.negativesPerImage ?? 256, random, cache });
        step++;
        const warm = Math.min(1, step / Math.max(stepsPerEpoch, 5));
        const lr = baseLr * warm * (0.05 + 0.95 * 0.5 * (1 + Math.cos((Math.PI * step) / totalSteps)));
        const loss = tf.tidy(() => {
          const { value, grads } = tf.variableGrads(() => batchLoss(tf, head, batch), variables);
          const t = step;
          variables.forEach((variable, i) => {
            const g = grads[variable.name]!;
            const moment = moments[i]!;
            moment.m.assign(tf.add(tf.mul(moment.m, 0.9), tf.mul(g, 0.1)));
            moment.v.assign(tf.add(tf.mul(moment.v, 0.999), tf.mul(tf.square(g), 0.001)));
            const mHat = tf.div(moment.m, 1 - 0.9 ** t);
            const vHat = tf.div(moment.v, 1 - 0.999 ** t);
            const update = tf.add(tf.div(mHat, tf.add(tf.sqrt(vHat), 1e-8)), tf.mul(variable, weightDecay));
            variable.assign(tf.sub(variable, tf.mul(update, lr)));
          });
          return value;
        });
        lossSum += (await loss.data())[0] ?? NaN;
        loss.dispose();
        // Let the worker's other jobs and timers run between steps.
        await new Promise((resolve) => setImmediate(resolve));
      }
      finalLoss = lossSum / stepsPerEpoch;
      if (options.maxSeconds !== undefined) {
        const remaining = options.maxSeconds - (performance.now() - started) / 1000;
        const perEpoch = (performance.now() - loopStarted) / 1000 / (epoch + 1);
        const fit = epoch + 1 + Math.max(0, Math.floor(remaining / perEpoch));
        if (fit < plannedEpochs) {
          plannedEpochs = fit;
          totalSteps = plannedEpochs * stepsPerEpoch;
        }
      }
      await options.onEpoch?.({ epoch: epoch + 1, epochs: plannedEpochs, loss: finalLoss });
    }
  } finally {
    for (const moment of moments) {
      moment.m.dispose();
      moment.v.dispose();
    }
  }
  return { head, epochsRun: Math.min(epoch, plannedEpochs), finalLoss, seconds: (performance.now() - started) / 1000 };
}
