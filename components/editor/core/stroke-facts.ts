// A brush or eraser piece changes pixels only inside the segment's box, so
// the new mask's foreground count and bounding box follow from the old ones
// and that box: no pass over the whole picture on every pointer move (on a
// 6000x4000 photo two such passes cost ~45 ms a move). The facts are
// remembered for the new mask (mask-facts.ts), where the object list, the
// renderer and the sync read them.
import type { Bbox, BinaryMask } from "@/lib/mask";
import { foregroundBbox, foregroundCount, rememberEditBox, rememberFacts } from "./mask-facts";

/** The pixels a segment painted with `radius` can touch (paintDisc's rule), clipped to the mask; null when none. */
export function segmentBox(mask: BinaryMask, from: { x: number; y: number }, to: { x: number; y: number }, radius: number): Bbox | null {
  const x0 = Math.max(0, Math.floor(Math.min(from.x, to.x) - radius - 1));
  const y0 = Math.max(0, Math.floor(Math.min(from.y, to.y) - radius - 1));
  const x1 = Math.min(mask.width - 1, Math.ceil(Math.max(from.x, to.x) + radius + 1));
  const y1 = Math.min(mask.height - 1, Math.ceil(Math.max(from.y, to.y) + radius + 1));
  return x1 < x0 || y1 < y0 ? null : [x0, y0, x1 - x0 + 1, y1 - y0 + 1];
}

export function countWithin(mask: BinaryMask, box: Bbox): number {
  const [bx, by, bw, bh] = box;
  const { data, width } = mask;
  let count = 0;
  for (let y = by; y < by + bh; y++) for (let i = y * width + bx, end = i + bw; i < end; i++) if (data[i] !== 0) count++;
  return count;
}

/** Bounding box of the foreground inside `box`; null when there is none there. */
export function bboxWithin(mask: BinaryMask, box: Bbox): Bbox | null {
  const [bx, by, bw, bh] = box;
  const { data, width } = mask;
  let xs = Infinity;
  let ys = Infinity;
  let xe = -1;
  let ye = -1;
  for (let y = by; y < by + bh; y++) {
    const row = y * width;
    for (let x = bx; x < bx + bw; x++) {
      if (data[row + x] === 0) continue;
      if (x < xs) xs = x;
      if (x > xe) xe = x;
      if (y < ys) ys = y;
      ye = y;
    }
  }
  return xe < 0 ? null : [xs, ys, xe - xs + 1, ye - ys + 1];
}

function union(a: Bbox | null, b: Bbox | null): Bbox | null {
  if (!a || a[2] === 0) return b;
  if (!b) return a;
  const x0 = Math.min(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]);
  return [x0, y0, Math.max(a[0] + a[2], b[0] + b[2]) - x0, Math.max(a[1] + a[3], b[1] + b[3]) - y0];
}

/**
 * Paints with `paint` (which may only change pixels inside `box`) on `mask`, a
 * fresh copy of `before` (or an empty mask when `before` is null), and remembers
 * the result's count and box from the change inside `box` alone.
 */
export function paintWithFacts(options: { mask: BinaryMask; before: BinaryMask | null; box: Bbox | null; value: 0 | 1; paint: () => void }): void {
  const { mask, before, box, value, paint } = options;
  if (!box) {
    paint();
    return;
  }
  const inside = countWithin(mask, box);
  paint();
  const count = (before ? foregroundCount(before) : 0) - inside + countWithin(mask, box);
  let bbox: Bbox | null;
  if (count === 0) bbox = null;
  else if (value === 1) bbox = union(before ? foregroundBbox(before) : null, bboxWithin(mask, box));
  else bbox = before ? erasedBbox(mask, foregroundBbox(before), box) : null;
  rememberFacts(mask, count, bbox ?? [0, 0, 0, 0]);
  if (before) rememberEditBox(mask, before, box);
}

/**
 * Erasing only shrinks the box, and only where the erased box reaches one of
 * its edges: a pixel on an edge the eraser did not reach is still there. Only
 * then is the old box scanned again.
 */
function erasedBbox(mask: BinaryMask, old: Bbox, erased: Bbox): Bbox | null {
  const [ox, oy, ow, oh] = old;
  const [ex, ey, ew, eh] = erased;
  const reachesEdge = ex <= ox || ey <= oy || ex + ew >= ox + ow || ey + eh >= oy + oh;
  return reachesEdge ? bboxWithin(mask, old) : old;
}
