// Exact Euclidean distance transform (Felzenszwalb & Huttenlocher 2012):
// for every pixel inside `mask`, the distance to the nearest pixel outside
// it, with everything beyond the image border counting as outside (the
// same as RITM's zero padding before cv2.distanceTransform(DIST_L2, 0)).

const INF = 1e20;

/** 1-D squared distance transform of f (length n) into d, using scratch v/z. */
function transform1d(f: Float64Array, d: Float64Array, v: Int32Array, z: Float64Array, n: number): void {
  let k = 0;
  v[0] = 0;
  z[0] = -INF;
  z[1] = INF;
  for (let q = 1; q < n; q++) {
    const fq = (f[q] as number) + q * q;
    // Pop parabolas hidden by the new one. z[0] = -INF and finite f (INF is
    // 1e20, not Infinity) guarantee the loop stops at k = 0.
    let p = v[k] as number;
    let s = (fq - ((f[p] as number) + p * p)) / (2 * q - 2 * p);
    while (s <= (z[k] as number)) {
      k--;
      p = v[k] as number;
      s = (fq - ((f[p] as number) + p * p)) / (2 * q - 2 * p);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = INF;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while ((z[k + 1] as number) < q) k++;
    const p = v[k] as number;
    d[q] = (q - p) * (q - p) + (f[p] as number);
  }
}

export function computeDistanceTransform({ mask, width, height }: { mask: ArrayLike<number>; width: number; height: number }): Float32Array {
  // Pad by one pixel of background on every side.
  const w = width + 2;
  const h = height + 2;
  const grid = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inside = x > 0 && y > 0 && x <= width && y <= height && (mask[(y - 1) * width + (x - 1)] as number) !== 0;
      grid[y * w + x] = inside ? INF : 0;
    }
  }
  const n = Math.max(w, h);
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) f[y] = grid[y * w + x] as number;
    transform1d(f, d, v, z, h);
    for (let y = 0; y < h; y++) grid[y * w + x] = d[y] as number;
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) f[x] = grid[y * w + x] as number;
    transform1d(f, d, v, z, w);
    for (let x = 0; x < w; x++) grid[y * w + x] = d[x] as number;
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[y * width + x] = Math.sqrt(grid[(y + 1) * w + (x + 1)] as number);
  }
  return out;
}
