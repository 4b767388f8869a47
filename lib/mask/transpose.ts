/**
 * Cache-blocked byte-matrix transpose, used to switch between our row-major masks and
 * COCO's column-major pixel order. A naive strided loop over a 4000x3000 mask misses
 * cache on every access; 64x64 tiles keep both the read and the write side in L1.
 */
const TILE = 64;

/**
 * dst[c * rows + r] = src[r * cols + c]; src is rows x cols, the result cols x rows.
 * Writes into `dst` when given (must hold rows * cols bytes and not alias src).
 */
export function transposeBytes(
  src: Uint8Array,
  rows: number,
  cols: number,
  dst: Uint8Array = new Uint8Array(rows * cols),
): Uint8Array {
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let r = r0; r < r1; r++) {
        let s = r * cols + c0;
        let d = c0 * rows + r;
        for (let c = c0; c < c1; c++, s++, d += rows) dst[d] = src[s] as number;
      }
    }
  }
  return dst;
}
