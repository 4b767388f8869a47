// How much of each detector grid cell an object's mask covers (0..1). The
// grid is SAM's 64x64 embedding grid over the padded 1024 model input, so a
// cell spans inputSize/64 model pixels, i.e. stride/scale image pixels.
// Training uses it to make only cells on the object positive: with a frozen
// backbone, a background cell inside a person's box looks like background.
import type { BinaryMask } from "@/lib/mask";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import { CELL_COUNT, GRID_SIZE, cellStride } from "./dense-grid";

/**
 * The grid cell of each image pixel, per axis: cell = rowBase[y] + column[x].
 * A pixel belongs to the cell holding its centre in model space.
 */
export function pixelCells({ geometry, width, height }: { geometry: ResizeGeometry; width: number; height: number }): { column: Int32Array; rowBase: Int32Array } {
  const stride = cellStride(geometry);
  const sx = geometry.resizedWidth / geometry.width / stride;
  const sy = geometry.resizedHeight / geometry.height / stride;
  const column = new Int32Array(width);
  for (let x = 0; x < width; x++) column[x] = Math.min(GRID_SIZE - 1, Math.floor((x + 0.5) * sx));
  const rowBase = new Int32Array(height);
  for (let y = 0; y < height; y++) rowBase[y] = Math.min(GRID_SIZE - 1, Math.floor((y + 0.5) * sy)) * GRID_SIZE;
  return { column, rowBase };
}

export function cellCoverage({ mask, geometry }: { mask: BinaryMask; geometry: ResizeGeometry }): Float32Array {
  const { column, rowBase } = pixelCells({ geometry, width: mask.width, height: mask.height });
  const hits = new Float64Array(CELL_COUNT);
  const totals = new Float64Array(CELL_COUNT);
  for (let y = 0; y < mask.height; y++) {
    const row = y * mask.width;
    for (let x = 0; x < mask.width; x++) {
      const cell = rowBase[y]! + column[x]!;
      totals[cell] = totals[cell]! + 1;
      if (mask.data[row + x] !== 0) hits[cell] = hits[cell]! + 1;
    }
  }
  const coverage = new Float32Array(CELL_COUNT);
  for (let cell = 0; cell < CELL_COUNT; cell++) if (totals[cell]! > 0) coverage[cell] = hits[cell]! / totals[cell]!;
  return coverage;
}
