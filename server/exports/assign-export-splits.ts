// Which part (train / val / test) each exported image goes to. The images are
// shuffled by a hash of the seed and their id, not by their order, so the
// split does not follow import order (often a camera, a day or a source), and
// the same seed over the same images always gives the same split. Part sizes
// are exact (largest remainder), and a part asked for gets at least one image
// while there are enough images, so a small set still yields a val folder.
// Given groups (near-duplicate pictures), a group is placed as one unit: it
// may fill its part beyond its size by up to the group's size minus one, and
// the last part asked for takes the difference.
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

export function assignExportSplits(options: { imageIds: string[]; split: ExportSplit; groups?: string[][] }): ExportSplitAssignment {
  const { split } = options;
  const units = splitUnits(options.imageIds, options.groups ?? []);
  const shuffled = units
    .map((ids) => ({ ids, key: shuffleKey(split.seed, ids[0]!) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.ids[0]! < b.ids[0]! ? -1 : 1));
  const targets = splitCounts(options.imageIds.length, split);
  const counts: Record<ExportSplitPart, number> = { train: 0, val: 0, test: 0 };
  const partOf = new Map<string, ExportSplitPart>();
  // Parts in order, each filled until it reaches its size; the last part asked for takes whatever is left.
  const asked = EXPORT_SPLIT_PARTS.filter((part) => targets[part] > 0);
  let current = 0;
  for (const unit of shuffled) {
    while (current < asked.length - 1 && counts[asked[current]!] >= targets[asked[current]!]) current++;
    const part = asked[current]!;
    for (const id of unit.ids) partOf.set(id, part);
    counts[part] += unit.ids.length;
  }
  return { partOf, counts, parts: EXPORT_SPLIT_PARTS.filter((part) => split[part] > 0) };
}

/** Each group (restricted to the exported images) is one unit, every other image its own; a unit's first id is its smallest. */
function splitUnits(imageIds: string[], groups: string[][]): string[][] {
  const exported = new Set(imageIds);
  const grouped = new Set<string>();
  const units: string[][] = [];
  for (const group of groups) {
    const members = [...new Set(group.filter((id) => exported.has(id) && !grouped.has(id)))].sort();
    if (members.length === 0) continue;
    for (const id of members) grouped.add(id);
    units.push(members);
  }
  for (const id of imageIds) if (!grouped.has(id)) units.push([id]);
  return units;
}
