// Per-mask facts the editor reads often (foreground pixel count, bounding
// box), computed once per mask object: masks in the document are immutable,
// so a mask object's facts never change. Masks decoded from the server get
// theirs from the run lengths (no pass over the pixels), which is most of what
// opening an image with a hundred full-size masks would otherwise cost.
import { countForeground, maskBbox, rleArea, rleBbox, type BinaryMask, type Bbox, type CocoRle } from "@/lib/mask";

const counts = new WeakMap<BinaryMask, number>();
const boxes = new WeakMap<BinaryMask, Bbox>();

export function foregroundCount(mask: BinaryMask): number {
  let count = counts.get(mask);
  if (count === undefined) {
    count = countForeground(mask);
    counts.set(mask, count);
  }
  return count;
}

/** [x, y, width, height] of the foreground; [0, 0, 0, 0] when empty. */
export function foregroundBbox(mask: BinaryMask): Bbox {
  let box = boxes.get(mask);
  if (box === undefined) {
    box = maskBbox(mask);
    boxes.set(mask, box);
  }
  return box;
}

/** Records the facts of a mask just decoded from `rle`, read from its runs. */
export function rememberRleFacts(mask: BinaryMask, rle: CocoRle): void {
  counts.set(mask, rleArea(rle));
  boxes.set(mask, rleBbox(rle));
}
