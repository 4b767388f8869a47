// How much of each detector grid cell an object's mask covers (0..1). The
// grid is SAM's 64x64 embedding grid over the padded 1024 model input, so a
// cell spans inputSize/64 model pixels, i.e. stride/scale image pixels.
// Training uses it to make only cells on the object positive: with a frozen
// backbone, a background cell inside a person's box looks like background.
import type { BinaryMask } from "@/lib/mask";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import { CELL_COUNT, GRID_SIZE, cellStride } from "./dense-grid";

export function cellCoverage({ mask, geometry }: { mask: BinaryMask; geometry: ResizeGeometry }): Float32Array {
  const stride = cellStride(geometry);
  const sx = geometry.resizedWidth / geometry.width / stride;
  const sy = geometry.resizedHeight / geometry.height / stride;
  const hits = new Float64Array(CELL_COUNT);
  const totals = new Float64Array(CELL_COUNT);
  const colOf = new Int32Array(mask.width);
  for (let x = 0; x < mask.width; x++) colOf[x] = Math.min(GRID_SIZE - 1, Math.floor((x + 0.5) * sx));
  for (let y = 0; y < mask.height; y++) {
    const rowBase = Math.min(GRID_SIZE - 1, Math.floor((y + 0.5) * sy)) * GRID_SIZE;
    const row = y * mask.width;
    for (let x = 0; x < mask.width; x++) {
      const cell = rowBase + colOf[x]!;
      totals[cell] = totals[cell]! + 1;
      if (mask.data[row + x] !== 0) hits[cell] = hits[cell]! + 1;
    }
  }
  const coverage = new Float32Array(CELL_COUNT);
  for (let cell = 0; cell < CELL_COUNT; cell++) if (totals[cell]! > 0) coverage[cell] = hits[cell]! / totals[cell]!;
  return coverage;
}
