// Per-mask facts the editor reads often (foreground pixel count, bounding
// box), computed once per mask object: masks in the document are immutable,
// so a mask object's facts never change. Masks decoded from the server get
// theirs from the run lengths (no pass over the pixels), which is most of what
// opening an image with a hundred full-size masks would otherwise cost.
import { countForeground, decodeRleWithFacts, maskBbox, type BinaryMask, type Bbox, type CocoRle } from "@/lib/mask";

const counts = new WeakMap<BinaryMask, number>();
const boxes = new WeakMap<BinaryMask, Bbox>();

function remembered<T>(cache: WeakMap<BinaryMask, T>, mask: BinaryMask, compute: (mask: BinaryMask) => T): T {
  let value = cache.get(mask);
  if (value === undefined) {
    value = compute(mask);
    cache.set(mask, value);
  }
  return value;
}

export function foregroundCount(mask: BinaryMask): number {
  return remembered(counts, mask, countForeground);
}

/** [x, y, width, height] of the foreground; [0, 0, 0, 0] when empty. */
export function foregroundBbox(mask: BinaryMask): Bbox {
  return remembered(boxes, mask, maskBbox);
}

/** Decodes a saved mask, keeping its area and box from the same parse of its runs. */
export function decodeMaskWithFacts(rle: CocoRle): BinaryMask {
  const { mask, area, bbox } = decodeRleWithFacts(rle);
  counts.set(mask, area);
  boxes.set(mask, bbox);
  return mask;
}
