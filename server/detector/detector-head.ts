// The class-agnostic dense detection head: a per-cell MLP over multi-scale
// cell features (lib/detector/cell-features) with 5 outputs per cell, a
// quality logit and log (l, t, r, b) distances. Written as plain matMuls so
// the wasm backend can train it (it has no Conv2DBackpropFilter), and so the
// trainer can run it on sampled cells only.
import type * as tfTypes from "@tensorflow/tfjs";
import type { DetectorWeightsFile } from "@/lib/schemas/detector";
import type { Tf } from "./tfjs-runtime";

export const WEIGHTS_FORMAT = "maskwright-dense-detector/1" as const;
/** Prior probability of "object" at start (RetinaNet's bias init), so early focal loss is stable. */
const PRIOR = 0.01;

export interface HeadLayer {
  weight: tfTypes.Variable;
  bias: tfTypes.Variable;
}

export interface DetectorHead {
  layers: HeadLayer[];
  poolSizes: number[];
  channels: number;
  hidden: number[];
  featureMean: Float32Array;
  featureStd: Float32Array;
}

export function createDetectorHead({
  tf,
  channels,
  poolSizes,
  hidden,
  featureMean,
  featureStd,
  seed = 1,
}: {
  tf: Tf;
  channels: number;
  poolSizes: number[];
  hidden: number[];
  featureMean: Float32Array;
  featureStd: Float32Array;
  seed?: number;
}): DetectorHead {
  const sizes = [channels * poolSizes.length, ...hidden, 5];
  const layers: HeadLayer[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const fanIn = sizes[i]!;
    const fanOut = sizes[i + 1]!;
    const last = i + 2 === sizes.length;
    // He init for ReLU layers; the output layer starts small.
    const std = last ? 0.01 : Math.sqrt(2 / fanIn);
    const weight = tf.variable(tf.randomNormal([fanIn, fanOut], 0, std, "float32", seed + i));
    const biasValues = new Float32Array(fanOut);
    if (last) biasValues[0] = -Math.log((1 - PRIOR) / PRIOR);
    layers.push({ weight, bias: tf.variable(tf.tensor1d(biasValues)) });
  }
  return { layers, poolSizes, channels, hidden, featureMean, featureStd };
}

/** [n, features] (already normalised) -> [n, 5] raw outputs. */
export function forwardHead(tf: Tf, head: DetectorHead, features: tfTypes.Tensor2D): tfTypes.Tensor2D {
  let x: tfTypes.Tensor2D = features;
  head.layers.forEach((layer, index) => {
    const y = tf.add(tf.matMul(x, layer.weight as tfTypes.Tensor2D), layer.bias) as tfTypes.Tensor2D;
    x = index + 1 < head.layers.length ? tf.relu(y) : y;
  });
  return x;
}

/** Normalises features in place with the head's statistics. */
export function normalizeFeatures(head: Pick<DetectorHead, "featureMean" | "featureStd">, features: Float32Array): Float32Array {
  const width = head.featureMean.length;
  for (let i = 0; i < features.length; i++) {
    const k = i % width;
    features[i] = (features[i]! - head.featureMean[k]!) / head.featureStd[k]!;
  }
  return features;
}

function toBase64(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64");
}

function fromBase64(text: string, expected?: number): Float32Array {
  const bytes = Buffer.from(text, "base64");
  if (bytes.byteLength % 4 !== 0) throw new Error("Detector weights: a tensor's byte length is not a multiple of 4");
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (expected !== undefined && values.length !== expected) throw new Error(`Detector weights: expected ${expected} values, got ${values.length}`);
  return values;
}

export async function serializeDetectorHead(head: DetectorHead): Promise<DetectorWeightsFile> {
  const tensors: DetectorWeightsFile["tensors"] = {};
  for (const [index, layer] of head.layers.entries()) {
    tensors[`layer${index}.weight`] = { shape: layer.weight.shape, data: toBase64((await layer.weight.data()) as Float32Array) };
    tensors[`layer${index}.bias`] = { shape: layer.bias.shape, data: toBase64((await layer.bias.data()) as Float32Array) };
  }
  return {
    format: WEIGHTS_FORMAT,
    poolSizes: head.poolSizes,
    channels: head.channels,
    hidden: head.hidden,
    featureMean: toBase64(head.featureMean),
    featureStd: toBase64(head.featureStd),
    tensors,
  };
}

export function deserializeDetectorHead(tf: Tf, file: DetectorWeightsFile): DetectorHead {
  const width = file.channels * file.poolSizes.length;
  const sizes = [width, ...file.hidden, 5];
  const layers: HeadLayer[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const weight = file.tensors[`layer${i}.weight`];
    const bias = file.tensors[`layer${i}.bias`];
    if (!weight || !bias) throw new Error(`Detector weights: layer ${i} is missing`);
    const shape: [number, number] = [sizes[i]!, sizes[i + 1]!];
    layers.push({
      weight: tf.variable(tf.tensor2d(fromBase64(weight.data, shape[0] * shape[1]), shape), false),
      bias: tf.variable(tf.tensor1d(fromBase64(bias.data, shape[1])), false),
    });
  }
  return {
    layers,
    poolSizes: file.poolSizes,
    channels: file.channels,
    hidden: file.hidden,
    featureMean: fromBase64(file.featureMean, width),
    featureStd: fromBase64(file.featureStd, width),
  };
}

export function disposeDetectorHead(head: DetectorHead): void {
  for (const layer of head.layers) {
    layer.weight.dispose();
    layer.bias.dispose();
  }
}
