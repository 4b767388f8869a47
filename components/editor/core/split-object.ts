// "Split" for one object: a mask that covers several separate things (two
// shoes from one click, a box prompt over a pair) becomes one object per
// connected part (8-connected, as masks are traced). Specks smaller than the
// clean-up threshold are not objects: they stay with the largest part.
import { createMask, labelComponents, type BinaryMask } from "@/lib/mask";
import { cleanUpThreshold } from "./clean-up-mask";

/** The parts, largest first, or null when there is only one part worth an object. */
export function splitMaskParts(mask: BinaryMask): BinaryMask[] | null {
  const components = labelComponents(mask);
  if (components.count < 2) return null;
  let total = 0;
  for (let label = 1; label <= components.count; label++) total += components.areas[label] as number;
  const threshold = cleanUpThreshold(total);
  const labels = Array.from({ length: components.count }, (_, index) => index + 1).sort(
    (a, b) => (components.areas[b] as number) - (components.areas[a] as number) || a - b,
  );
  const kept = labels.filter((label, index) => index === 0 || (components.areas[label] as number) >= threshold);
  if (kept.length < 2) return null;
  // Pixel -> the part it goes to: its own when kept, else the largest.
  const partOf = new Int32Array(components.count + 1).fill(0);
  kept.forEach((label, index) => (partOf[label] = index));
  const parts = kept.map(() => createMask(mask.width, mask.height));
  for (let i = 0; i < mask.data.length; i++) {
    const label = components.labels[i] as number;
    if (label !== 0) (parts[partOf[label] as number] as BinaryMask).data[i] = 1;
  }
  return parts;
}
