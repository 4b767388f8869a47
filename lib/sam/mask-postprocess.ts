// SAM low-res mask logits -> image-sized masks. Pure and browser-safe.
//
// SAM's postprocess_masks does: bilinear (align_corners=False) 256 -> 1024,
// crop the unpadded resizedHeight x resizedWidth region, bilinear to the
// original size. Both stages are separable linear maps, so their composition
// is too: each output row (column) is a weighted sum of at most four low-res
// rows (columns). We precompute those weights per axis and do one horizontal
// and one vertical pass, never materialising the 1024x1024 intermediate.
import type { ResizeGeometry } from "./prompt-transform";

export interface BinaryMask {
  /** Row-major, 1 inside the mask, 0 outside. */
  data: Uint8Array;
  width: number;
  height: number;
}

/** logits > threshold -> 1, else 0 (SAM's mask_threshold is 0). */
export function thresholdLogits({ logits, threshold = 0 }: { logits: ArrayLike<number>; threshold?: number }): Uint8Array {
  const out = new Uint8Array(logits.length);
  for (let i = 0; i < logits.length; i++) out[i] = (logits[i] as number) > threshold ? 1 : 0;
  return out;
}

/** Source positions/weights of a half-pixel bilinear resize (PyTorch / ONNX linear). */
function linearTaps(outLength: number, inLength: number): { i0: Int32Array; i1: Int32Array; w1: Float64Array } {
  const i0 = new Int32Array(outLength);
  const i1 = new Int32Array(outLength);
  const w1 = new Float64Array(outLength);
  const ratio = inLength / outLength;
  for (let d = 0; d < outLength; d++) {
    const src = Math.min(Math.max((d + 0.5) * ratio - 0.5, 0), inLength - 1);
    const lo = Math.floor(src);
    i0[d] = lo;
    i1[d] = Math.min(lo + 1, inLength - 1);
    w1[d] = src - lo;
  }
  return { i0, i1, w1 };
}

interface AxisWeights {
  /** 4 low-res indices and 4 weights per output position (zeros pad unused taps). */
  index: Int32Array;
  weight: Float32Array;
}

/** Composite weights: low-res (lowResSize) -> inputSize -> crop(cropLength) -> outLength. */
function compositeAxisWeights({
  outLength,
  cropLength,
  inputSize,
  lowResSize,
}: {
  outLength: number;
  cropLength: number;
  inputSize: number;
  lowResSize: number;
}): AxisWeights {
  const first = linearTaps(inputSize, lowResSize);
  const second = linearTaps(outLength, cropLength);
  const index = new Int32Array(outLength * 4);
  const weight = new Float32Array(outLength * 4);
  for (let d = 0; d < outLength; d++) {
    const mids = [second.i0[d] as number, second.i1[d] as number];
    const midWeights = [1 - (second.w1[d] as number), second.w1[d] as number];
    for (let m = 0; m < 2; m++) {
      const mid = mids[m] as number;
      const w = midWeights[m] as number;
      const f = first.w1[mid] as number;
      index[d * 4 + m * 2] = first.i0[mid] as number;
      weight[d * 4 + m * 2] = w * (1 - f);
      index[d * 4 + m * 2 + 1] = first.i1[mid] as number;
      weight[d * 4 + m * 2 + 1] = w * f;
    }
  }
  return { index, weight };
}

/**
 * Upsamples one lowResSize x lowResSize logit map to geometry.width x
 * geometry.height logits, the way SAM's postprocess_masks does.
 */
export function upsampleLowResLogits({
  lowRes,
  geometry,
  lowResSize = 256,
}: {
  lowRes: ArrayLike<number>;
  geometry: ResizeGeometry;
  lowResSize?: number;
}): Float32Array {
  if (lowRes.length !== lowResSize * lowResSize) {
    throw new Error(`Expected ${lowResSize}x${lowResSize} logits, got ${lowRes.length} values`);
  }
  const { width, height, inputSize } = geometry;
  const cols = compositeAxisWeights({ outLength: width, cropLength: geometry.resizedWidth, inputSize, lowResSize });
  const rows = compositeAxisWeights({ outLength: height, cropLength: geometry.resizedHeight, inputSize, lowResSize });

  // Horizontal pass over the low-res rows the vertical pass will read.
  let maxRow = 0;
  for (let i = 0; i < rows.index.length; i++) maxRow = Math.max(maxRow, rows.index[i] as number);
  const horizontal = new Float32Array((maxRow + 1) * width);
  for (let r = 0; r <= maxRow; r++) {
    const src = r * lowResSize;
    const dst = r * width;
    for (let x = 0; x < width; x++) {
      const k = x * 4;
      horizontal[dst + x] =
        (cols.weight[k] as number) * (lowRes[src + (cols.index[k] as number)] as number) +
        (cols.weight[k + 1] as number) * (lowRes[src + (cols.index[k + 1] as number)] as number) +
        (cols.weight[k + 2] as number) * (lowRes[src + (cols.index[k + 2] as number)] as number) +
        (cols.weight[k + 3] as number) * (lowRes[src + (cols.index[k + 3] as number)] as number);
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const k = y * 4;
    const r0 = (rows.index[k] as number) * width;
    const r1 = (rows.index[k + 1] as number) * width;
    const r2 = (rows.index[k + 2] as number) * width;
    const r3 = (rows.index[k + 3] as number) * width;
    const w0 = rows.weight[k] as number;
    const w1 = rows.weight[k + 1] as number;
    const w2 = rows.weight[k + 2] as number;
    const w3 = rows.weight[k + 3] as number;
    const dst = y * width;
    for (let x = 0; x < width; x++) {
      out[dst + x] =
        w0 * (horizontal[r0 + x] as number) +
        w1 * (horizontal[r1 + x] as number) +
        w2 * (horizontal[r2 + x] as number) +
        w3 * (horizontal[r3 + x] as number);
    }
  }
  return out;
}

/** Full-resolution binary mask from low-res logits. */
export function lowResLogitsToMask({
  lowRes,
  geometry,
  lowResSize = 256,
  threshold = 0,
}: {
  lowRes: ArrayLike<number>;
  geometry: ResizeGeometry;
  lowResSize?: number;
  threshold?: number;
}): BinaryMask {
  const logits = upsampleLowResLogits({ lowRes, geometry, lowResSize });
  return { data: thresholdLogits({ logits, threshold }), width: geometry.width, height: geometry.height };
}

/**
 * Fast display path: the thresholded low-res mask cropped to the region that
 * covers the image (the rest is padding), e.g. 256x192 for a 4:3 image. Draw
 * it stretched over the image (canvas drawImage with smoothing) while the
 * exact full-resolution mask is computed, or instead of it.
 */
export function cropLowResMask({
  lowRes,
  geometry,
  lowResSize = 256,
  threshold = 0,
}: {
  lowRes: ArrayLike<number>;
  geometry: ResizeGeometry;
  lowResSize?: number;
  threshold?: number;
}): BinaryMask {
  const ratio = lowResSize / geometry.inputSize;
  const width = Math.min(lowResSize, Math.max(1, Math.round(geometry.resizedWidth * ratio)));
  const height = Math.min(lowResSize, Math.max(1, Math.round(geometry.resizedHeight * ratio)));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data[y * width + x] = (lowRes[y * lowResSize + x] as number) > threshold ? 1 : 0;
    }
  }
  return { data, width, height };
}
