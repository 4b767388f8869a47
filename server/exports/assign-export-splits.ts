// Which part (train / val / test) each exported image goes to. The images are
// shuffled by a hash of the seed and their id, not by their order, so the
// split does not follow import order (often a camera, a day or a source), and
// the same seed over the same images always gives the same split. Part sizes
// are exact (largest remainder), and a part asked for gets at least one image
// while there are enough images, so a small set still yields a val folder.
import { createHash } from "node:crypto";
import { EXPORT_SPLIT_PARTS, type ExportSplit, type ExportSplitPart } from "@/lib/schemas/exports";

export type ExportSplitAssignment = {
  /** Image database id -> its part. */
  partOf: Map<string, ExportSplitPart>;
  /** Images per part, in EXPORT_SPLIT_PARTS order; parts at 0% are listed with 0. */
  counts: Record<ExportSplitPart, number>;
  /** The parts asked for (above 0%), in EXPORT_SPLIT_PARTS order: each gets a folder. */
  parts: ExportSplitPart[];
};

function shuffleKey(seed: number, imageId: string): string {
  return createHash("sha256").update(`${seed}:${imageId}`).digest("hex");
}

/** Part sizes for n images: largest remainder, then one image moved to each empty part asked for. */
export function splitCounts(n: number, split: ExportSplit): Record<ExportSplitPart, number> {
  const quotas = EXPORT_SPLIT_PARTS.map((part) => (n * split[part]) / 100);
  const counts = quotas.map(Math.floor);
  const byRemainder = EXPORT_SPLIT_PARTS.map((_, index) => index).sort((a, b) => quotas[b]! - counts[b]! - (quotas[a]! - counts[a]!) || a - b);
  let left = n - counts.reduce((sum, count) => sum + count, 0);
  for (const index of byRemainder) {
    if (left === 0) break;
    counts[index]! += 1;
    left -= 1;
  }
  for (const [index, part] of EXPORT_SPLIT_PARTS.entries()) {
    if (split[part] === 0 || counts[index]! > 0) continue;
    const largest = counts.indexOf(Math.max(...counts));
    if (counts[largest]! <= 1) break;
    counts[largest]! -= 1;
    counts[index]! += 1;
  }
  return { train: counts[0]!, val: counts[1]!, test: counts[2]! };
}

export function assignExportSplits(options: { imageIds: string[]; split: ExportSplit }): ExportSplitAssignment {
  const { split } = options;
  const shuffled = options.imageIds
    .map((id) => ({ id, key: shuffleKey(split.seed, id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1));
  const counts = splitCounts(shuffled.length, split);
  const partOf = new Map<string, ExportSplitPart>();
  let next = 0;
  for (const part of EXPORT_SPLIT_PARTS) {
    for (let taken = 0; taken < counts[part]; taken++) partOf.set(shuffled[next++]!.id, part);
  }
  return { partOf, counts, parts: EXPORT_SPLIT_PARTS.filter((part) => split[part] > 0) };
}
