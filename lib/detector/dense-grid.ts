// The detector's output grid is SAM's embedding grid: 64x64 cells over the
// 1024x1024 padded model input, 16 model pixels per cell. The image fills
// the top-left resizedWidth x resizedHeight of it. Targets and decoding are
// FCOS-style: per cell a quality score (objectness x centerness in one
// number) and the distances from the cell centre to the box's left, top,
// right and bottom sides, in cells, as logs.
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import type { Box, ScoredBox } from "./box";

export const GRID_SIZE = 64;
export const CELL_COUNT = GRID_SIZE * GRID_SIZE;
/** Smallest side distance a target encodes (cells); log(0) would be -Infinity. */
const MIN_DISTANCE = 0.25;

export function cellStride(geometry: Pick<ResizeGeometry, "inputSize">): number {
  return geometry.inputSize / GRID_SIZE;
}

/** Image pixels -> model (1024-space) pixels, per axis like SAM's apply_coords. */
export function boxToModel(box: Box, geometry: ResizeGeometry): Box {
  const sx = geometry.resizedWidth / geometry.width;
  const sy = geometry.resizedHeight / geometry.height;
  return { x0: box.x0 * sx, y0: box.y0 * sy, x1: box.x1 * sx, y1: box.y1 * sy };
}

export function boxFromModel(box: Box, geometry: ResizeGeometry): Box {
  const sx = geometry.width / geometry.resizedWidth;
  const sy = geometry.height / geometry.resizedHeight;
  return { x0: box.x0 * sx, y0: box.y0 * sy, x1: box.x1 * sx, y1: box.y1 * sy };
}

/** Cells whose centre lies on the image (the rest only sees padding). */
export function validCells(geometry: ResizeGeometry): Uint8Array {
  const stride = cellStride(geometry);
  const valid = new Uint8Array(CELL_COUNT);
  for (let r = 0; r < GRID_SIZE; r++) {
    for (let c = 0; c < GRID_SIZE; c++) {
      if ((c + 0.5) * stride < geometry.resizedWidth && (r + 0.5) * stride < geometry.resizedHeight) valid[r * GRID_SIZE + c] = 1;
    }
  }
  return valid;
}

export interface DenseTargets {
  /** Per cell: centerness of the assigned box (0 = background). */
  quality: Float32Array;
  /** Per cell: log distances (l, t, r, b) in cells; meaningful where quality > 0. */
  distances: Float32Array;
}

/**
 * FCOS assignment: a cell belongs to the smallest box containing its centre;
 * its target is that box's centerness there, so the score peaks at object
 * centres and fades to 0 at their edges. The cell holding a box's centre is
 * always positive (quality 1), so objects smaller than a cell still count.
 * With the boxes' mask coverages, only cells at least minCoverage on the
 * object are eligible, and the forced cell is the one the mask covers most.
 */
export function buildDenseTargets({
  boxes,
  stride,
  coverages,
  minCoverage = 0.5,
}: {
  boxes: readonly Box[];
  stride: number;
  /** Per box, its mask's cell coverage (cell-coverage.ts), or null: then every cell in the box is eligible. */
  coverages?: readonly (Float32Array | null)[];
  minCoverage?: number;
}): DenseTargets {
  const quality = new Float32Array(CELL_COUNT);
  const distances = new Float32Array(CELL_COUNT * 4);
  const assignedArea = new Float64Array(CELL_COUNT).fill(Infinity);
  const assign = (cell: number, box: Box, area: number, forced: boolean) => {
    if (area >= assignedArea[cell]!) return;
    const cx = ((cell % GRID_SIZE) + 0.5) * stride;
    const cy = (Math.floor(cell / GRID_SIZE) + 0.5) * stride;
    const d = [cx - box.x0, cy - box.y0, box.x1 - cx, box.y1 - cy].map((v) => Math.max(v / stride, MIN_DISTANCE)) as [number, number, number, number];
    const centerness = Math.sqrt((Math.min(d[0], d[2]) / Math.max(d[0], d[2])) * (Math.min(d[1], d[3]) / Math.max(d[1], d[3])));
    assignedArea[cell] = area;
    quality[cell] = forced ? Math.max(centerness, 1) : centerness;
    for (let k = 0; k < 4; k++) distances[cell * 4 + k] = Math.log(d[k]!);
  };
  boxes.forEach((box, boxIndex) => {
    const coverage = coverages?.[boxIndex] ?? null;
    const area = Math.max(box.x1 - box.x0, 1e-6) * Math.max(box.y1 - box.y0, 1e-6);
    const c0 = Math.max(0, Math.ceil(box.x0 / stride - 0.5));
    const c1 = Math.min(GRID_SIZE - 1, Math.floor(box.x1 / stride - 0.5));
    const r0 = Math.max(0, Math.ceil(box.y0 / stride - 0.5));
    const r1 = Math.min(GRID_SIZE - 1, Math.floor(box.y1 / stride - 0.5));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * GRID_SIZE + c;
        if (!coverage || coverage[cell]! >= minCoverage) assign(cell, box, area, false);
      }
    }
    const centerCol = Math.min(GRID_SIZE - 1, Math.max(0, Math.floor((box.x0 + box.x1) / 2 / stride)));
    const centerRow = Math.min(GRID_SIZE - 1, Math.max(0, Math.floor((box.y0 + box.y1) / 2 / stride)));
    const centerCell = coverage ? mostCoveredCell(coverage, centerRow * GRID_SIZE + centerCol) : centerRow * GRID_SIZE + centerCol;
    // Bigger boxes never take a small object's centre cell away: re-assign with a smaller "area".
    assignedArea[centerCell] = Math.max(assignedArea[centerCell]!, area * 1.0000001);
    assign(centerCell, box, area, true);
  });
  return { quality, distances };
}

/** The cell the mask covers most (nearest to the box centre on ties): a ring's box centre may be off the object. */
function mostCoveredCell(coverage: Float32Array, centerCell: number): number {
  const cr = Math.floor(centerCell / GRID_SIZE);
  const cc = centerCell % GRID_SIZE;
  let best = centerCell;
  let bestCoverage = coverage[centerCell]!;
  let bestDistance = 0;
  for (let cell = 0; cell < CELL_COUNT; cell++) {
    const v = coverage[cell]!;
    if (v <= 0) continue;
    const distance = (Math.floor(cell / GRID_SIZE) - cr) ** 2 + ((cell % GRID_SIZE) - cc) ** 2;
    if (v > bestCoverage + 1e-6 || (Math.abs(v - bestCoverage) <= 1e-6 && distance < bestDistance)) {
      best = cell;
      bestCoverage = v;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Dense predictions -> scored boxes in image pixels: cells scoring at least
 * minScore (at most maxCandidates of them, best first), before NMS.
 */
export function decodeDenseBoxes({
  scores,
  distances,
  geometry,
  minScore,
  maxCandidates,
}: {
  /** Per cell, probability-like score. */
  scores: ArrayLike<number>;
  /** Per cell log (l, t, r, b) in cells. */
  distances: ArrayLike<number>;
  geometry: ResizeGeometry;
  minScore: number;
  maxCandidates: number;
}): ScoredBox[] {
  const stride = cellStride(geometry);
  const valid = validCells(geometry);
  const candidates: number[] = [];
  for (let cell = 0; cell < CELL_COUNT; cell++) if (valid[cell] && scores[cell]! >= minScore) candidates.push(cell);
  candidates.sort((a, b) => scores[b]! - scores[a]!);
  const boxes: ScoredBox[] = [];
  for (const cell of candidates.slice(0, maxCandidates)) {
    const cx = ((cell % GRID_SIZE) + 0.5) * stride;
    const cy = (Math.floor(cell / GRID_SIZE) + 0.5) * stride;
    // Distances are clamped to the grid so a wild prediction cannot overflow.
    const side = (k: number) => Math.exp(Math.min(distances[cell * 4 + k]!, Math.log(GRID_SIZE))) * stride;
    const model = { x0: cx - side(0), y0: cy - side(1), x1: cx + side(2), y1: cy + side(3) };
    const image = boxFromModel(model, geometry);
    boxes.push({
      x0: Math.max(0, image.x0),
      y0: Math.max(0, image.y0),
      x1: Math.min(geometry.width, image.x1),
      y1: Math.min(geometry.height, image.y1),
      score: scores[cell]!,
    });
  }
  return boxes.filter((box) => box.x1 - box.x0 >= 1 && box.y1 - box.y0 >= 1);
}
