// "Clean up" for one object: fill its small holes and drop its small specks,
// the speckle SAM leaves along textured edges and the pinholes inside flat
// regions. "Small" scales with the object (1% of its area, at least 16 px), so
// a person keeps the gap between arm and body while a 20-pixel speck on a car
// goes; the object's largest part always stays. Pure: the command turns the
// result into ops (one undo step).
import { countForeground, createMask, fillHoles, labelComponents, removeSmallIslands, type BinaryMask } from "@/lib/mask";

const MIN_THRESHOLD_PX = 16;
const RELATIVE_THRESHOLD = 0.01;

export type CleanUpResult = { mask: BinaryMask; filledPx: number; removedPx: number; thresholdPx: number };

export function cleanUpThreshold(area: number): number {
  return Math.max(MIN_THRESHOLD_PX, Math.round(area * RELATIVE_THRESHOLD));
}

/** The cleaned mask, or null when there is nothing to clean. */
export function cleanUpMask(mask: BinaryMask): CleanUpResult | null {
  const area = countForeground(mask);
  if (area === 0) return null;
  const thresholdPx = cleanUpThreshold(area);
  const filled = fillHoles(mask, { maxHoleArea: thresholdPx });
  let cleaned = removeSmallIslands(filled, thresholdPx);
  if (countForeground(cleaned) === 0) {
    // Every part is a speck by this measure (many tiny parts): keep the largest.
    const parts = labelComponents(filled);
    let largest = 1;
    for (let label = 2; label <= parts.count; label++) if ((parts.areas[label] as number) > (parts.areas[largest] as number)) largest = label;
    cleaned = createMask(filled.width, filled.height);
    for (let i = 0; i < cleaned.data.length; i++) cleaned.data[i] = parts.labels[i] === largest ? 1 : 0;
  }
  let filledPx = 0;
  let removedPx = 0;
  // Read the buffers once: a compact mask's `data` is an accessor.
  const before = mask.data;
  const after = cleaned.data;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === 0 && after[i] !== 0) filledPx++;
    else if (before[i] !== 0 && after[i] === 0) removedPx++;
  }
  if (filledPx === 0 && removedPx === 0) return null;
  return { mask: cleaned, filledPx, removedPx, thresholdPx };
}
