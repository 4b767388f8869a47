// One hand-in against the masks accepted for its image: masks are paired one
// to one, best IoU first, where IoU >= 0.5 (with IoU above 0.5 a mask can have
// at most one partner, so the greedy pairing is the only one). Run lengths are
// compared directly; box overlap rules out most pairs before that.
import { rleStringToCounts } from "@/lib/mask";
import { rleIou } from "@/lib/mask/rle-overlap";
import { HAND_IN_MATCH_IOU, type HandInMask, type HandInQuality, type LabelQuality } from "@/lib/schemas/hand-in-quality";

type Prepared = HandInMask & { counts: number[] | null };

function boxesOverlap(a: readonly number[], b: readonly number[]): boolean {
  const [ax = 0, ay = 0, aw = 0, ah = 0] = a;
  const [bx = 0, by = 0, bw = 0, bh = 0] = b;
  return Math.min(ax + aw, bx + bw) > Math.max(ax, bx) && Math.min(ay + ah, by + bh) > Math.max(ay, by);
}

function pairIou(a: Prepared, b: Prepared): number {
  if (a.maskHeight !== b.maskHeight || a.maskWidth !== b.maskWidth) return 0;
  if (a.area === 0 || b.area === 0 || !boxesOverlap(a.bbox, b.bbox)) return 0;
  // IoU <= min(area) / max(area): no need to walk runs that cannot reach the threshold.
  if (Math.min(a.area, b.area) / Math.max(a.area, b.area) < HAND_IN_MATCH_IOU) return 0;
  a.counts ??= rleStringToCounts(a.rleCounts);
  b.counts ??= rleStringToCounts(b.rleCounts);
  return rleIou(a.counts, a.area, b.counts, b.area);
}

function labelKey(labelClassId: string | null): string {
  return labelClassId ?? "none";
}

function labelEntry(labels: Record<string, LabelQuality>, labelClassId: string | null): LabelQuality {
  const key = labelKey(labelClassId);
  labels[key] ??= { accepted: 0, found: 0, extra: 0 };
  return labels[key];
}

export type MaskPair = { from: number; to: number; iou: number };

/** One-to-one pairs (indexes into `from` and `to`) at IoU >= 0.5, best first. */
export function pairMasks(from: readonly HandInMask[], to: readonly HandInMask[]): MaskPair[] {
  const a: Prepared[] = from.map((mask) => ({ ...mask, counts: null }));
  const b: Prepared[] = to.map((mask) => ({ ...mask, counts: null }));
  const candidates: MaskPair[] = [];
  a.forEach((x, i) => {
    b.forEach((y, j) => {
      const iou = pairIou(x, y);
      if (iou >= HAND_IN_MATCH_IOU) candidates.push({ from: i, to: j, iou });
    });
  });
  candidates.sort((x, y) => y.iou - x.iou);
  const fromTaken = new Array<boolean>(a.length).fill(false);
  const toTaken = new Array<boolean>(b.length).fill(false);
  const pairs: MaskPair[] = [];
  for (const pair of candidates) {
    if (fromTaken[pair.from] || toTaken[pair.to]) continue;
    fromTaken[pair.from] = true;
    toTaken[pair.to] = true;
    pairs.push(pair);
  }
  return pairs;
}

export function compareHandIn(options: { handedIn: readonly HandInMask[]; accepted: readonly HandInMask[]; firstOfRound: boolean }): HandInQuality {
  const handed = options.handedIn;
  const accepted = options.accepted;
  const pairs = pairMasks(handed, accepted);
  const handedTaken = new Array<boolean>(handed.length).fill(false);
  const labels: Record<string, LabelQuality> = {};
  let unchanged = 0;
  let relabelled = 0;
  let iouSum = 0;
  for (const pair of pairs) {
    handedTaken[pair.from] = true;
    const h = handed[pair.from]!;
    const a = accepted[pair.to]!;
    iouSum += pair.iou;
    const sameLabel = h.labelClassId === a.labelClassId;
    if (!sameLabel) relabelled++;
    if (sameLabel && h.rleCounts === a.rleCounts) unchanged++;
    labelEntry(labels, a.labelClassId).found++;
  }
  const matched = pairs.length;
  for (const a of accepted) labelEntry(labels, a.labelClassId).accepted++;
  handed.forEach((h, index) => {
    if (!handedTaken[index]) labelEntry(labels, h.labelClassId).extra++;
  });
  return {
    handedIn: handed.length,
    accepted: accepted.length,
    matched,
    unchanged,
    relabelled,
    // Rounded so the stored JSON stays short; six digits are far below what the page shows.
    iouSum: Math.round(iouSum * 1e6) / 1e6,
    missed: accepted.length - matched,
    extra: handed.length - matched,
    firstOfRound: options.firstOfRound,
    labels,
  };
}

/** Accepted exactly as handed in: nothing missed, added, reshaped or relabelled. */
export function acceptedAsHandedIn(quality: HandInQuality): boolean {
  return quality.missed === 0 && quality.extra === 0 && quality.unchanged === quality.matched;
}
