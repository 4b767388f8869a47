// Greedy class-agnostic non-maximum suppression over boxes: the highest
// score wins, anything overlapping it by more than iouThreshold is dropped.
import { boxIou, type ScoredBox } from "./box";

export function nmsBoxes<T extends ScoredBox>({
  boxes,
  iouThreshold,
  maxOutput = Infinity,
}: {
  boxes: readonly T[];
  iouThreshold: number;
  maxOutput?: number;
}): T[] {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  for (const candidate of sorted) {
    if (kept.length >= maxOutput) break;
    if (kept.every((box) => boxIou(box, candidate) <= iouThreshold)) kept.push(candidate);
  }
  return kept;
}
