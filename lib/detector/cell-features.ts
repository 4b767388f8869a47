// Per-cell input features of the detector head: the SAM embedding at the
// cell plus box-filtered means of it over wider windows (a cheap, frozen
// multi-scale context). Pooling a frozen embedding needs no gradient, so it
// is done here in plain loops over integral images instead of as tfjs ops:
// the wasm backend's concat/slice are slow, and training then only builds
// features for the cells it samples.

/** Window sides (in cells) averaged around each cell; 1 = the cell itself. */
export const DEFAULT_POOL_SIZES = [1, 5, 15] as const;

export interface EmbeddingMap {
  /** Channel-major [channels, size, size] values (SAM's [1,256,64,64] without the batch dim). */
  data: Float32Array;
  channels: number;
  size: number;
}

export interface IntegralMaps {
  map: EmbeddingMap;
  /**
   * Per channel (size+1)^2 prefix sums. Float32 is enough: sums of at most
   * 4096 embedding values, divided by window areas of 25+ cells, keep ~1e-5
   * absolute error, and half the memory lets a trainer cache them.
   */
  sums: Float32Array;
}

export function buildIntegralMaps(map: EmbeddingMap): IntegralMaps {
  const { data, channels, size } = map;
  const stride = size + 1;
  const plane = stride * stride;
  const sums = new Float32Array(channels * plane);
  for (let ch = 0; ch < channels; ch++) {
    const src = ch * size * size;
    const dst = ch * plane;
    for (let y = 0; y < size; y++) {
      // Row sums in float64 locals; only the stored prefix is rounded.
      let row = 0;
      const above = dst + y * stride + 1;
      const here = above + stride;
      const from = src + y * size;
      for (let x = 0; x < size; x++) {
        row += data[from + x] as number;
        sums[here + x] = (sums[above + x] as number) + row;
      }
    }
  }
  return { map, sums };
}

export function featureLength(channels: number, poolSizes: readonly number[] = DEFAULT_POOL_SIZES): number {
  return channels * poolSizes.length;
}

/**
 * Features of the given cells, row after row: for each pool size, all
 * channels' window means (windows are clipped at the grid edge and averaged
 * over the cells they keep).
 */
export function cellFeatures({
  integral,
  cells,
  poolSizes = DEFAULT_POOL_SIZES,
  out,
}: {
  integral: IntegralMaps;
  cells: ArrayLike<number>;
  poolSizes?: readonly number[];
  out?: Float32Array;
}): Float32Array {
  const { map, sums } = integral;
  const { channels, size, data } = map;
  const width = featureLength(channels, poolSizes);
  const result = out ?? new Float32Array(cells.length * width);
  const stride = size + 1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const cx = cell % size;
    const cy = Math.floor(cell / size);
    let offset = i * width;
    for (const pool of poolSizes) {
      if (pool === 1) {
        for (let ch = 0; ch < channels; ch++) result[offset + ch] = data[ch * size * size + cell]!;
      } else {
        const half = Math.floor(pool / 2);
        const x0 = Math.max(0, cx - half);
        const x1 = Math.min(size, cx + half + 1);
        const y0 = Math.max(0, cy - half);
        const y1 = Math.min(size, cy + half + 1);
        const inv = 1 / ((x1 - x0) * (y1 - y0));
        const a = y0 * stride + x0;
        const b = y0 * stride + x1;
        const c = y1 * stride + x0;
        const d = y1 * stride + x1;
        for (let ch = 0; ch < channels; ch++) {
          const base = ch * stride * stride;
          result[offset + ch] = (sums[base + d]! - sums[base + b]! - sums[base + c]! + sums[base + a]!) * inv;
        }
      }
      offset += channels;
    }
  }
  return result;
}
