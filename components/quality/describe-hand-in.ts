// One hand-in's comparison with the accepted masks in words, for the image's
// history: what the review kept, changed, added and removed.
import type { HandInQuality } from "@/lib/schemas/hand-in-quality";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeHandIn(quality: HandInQuality | null): string {
  if (quality === null) return "Compared with the accepted masks once the image is accepted.";
  const parts: string[] = [];
  const changed = quality.matched - quality.unchanged;
  if (quality.handedIn === 0 && quality.accepted === 0) return "No masks handed in, none accepted.";
  parts.push(`${quality.unchanged} of ${plural(quality.handedIn, "mask")} accepted as handed in`);
  if (changed > 0) {
    const meanIou = quality.matched > 0 ? (quality.iouSum / quality.matched).toFixed(2) : "—";
    parts.push(`${changed} changed (mean IoU ${meanIou}${quality.relabelled > 0 ? `, ${quality.relabelled} relabelled` : ""})`);
  }
  if (quality.extra > 0) parts.push(`${quality.extra} removed`);
  if (quality.missed > 0) parts.push(`${quality.missed} missing (added before acceptance)`);
  return `${parts.join(" · ")}.`;
}
