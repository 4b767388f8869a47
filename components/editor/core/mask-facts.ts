// Per-mask facts the editor reads often (foreground pixel count, bounding
// box), computed once per mask object: masks in the document are immutable,
// so a mask object's facts never change. Compact masks (compact-mask.ts) get
// theirs from their runs, with no pass over the pixels.
import { countForeground, maskBbox, type BinaryMask, type Bbox } from "@/lib/mask";

const counts = new WeakMap<BinaryMask, number>();
const boxes = new WeakMap<BinaryMask, Bbox>();
// The mask a piece was painted on is held weakly: a stroke's hundreds of full-size
// intermediate masks must not keep each other alive (a chain through this map would).
const edits = new WeakMap<BinaryMask, { from: WeakRef<BinaryMask>; box: Bbox }>();

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

/** Facts known without a pass over the pixels (a compact mask's runs give them). */
export function rememberFacts(mask: BinaryMask, area: number, bbox: Bbox): void {
  counts.set(mask, area);
  boxes.set(mask, bbox);
}

/** `mask` equals `from` outside `box` (a brush piece): a renderer may start from `from`'s render. */
export function rememberEditBox(mask: BinaryMask, from: BinaryMask, box: Bbox): void {
  edits.set(mask, { from: new WeakRef(from), box });
}

/** The mask `mask` was painted from and where, while that mask is still alive. */
export function editBoxOf(mask: BinaryMask): { from: BinaryMask; box: Bbox } | undefined {
  const edit = edits.get(mask);
  const from = edit?.from.deref();
  return edit && from ? { from, box: edit.box } : undefined;
}
