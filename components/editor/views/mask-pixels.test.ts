// Repainting only a brush piece's box over the previous mask's pixels gives
// exactly the pixels of a full paint of the new mask: the rule the renderer
// relies on to keep strokes on large objects cheap.
import { describe, expect, it } from "vitest";
import { cloneMask, createMask, maskBbox, paintDisc, type Bbox, type BinaryMask } from "@/lib/mask";
import { growForOutline, intersectRects, paintMaskPixels, type MaskStyle } from "./mask-pixels";
import { maskRegion } from "../core/compact-mask";

const W = 48;
const H = 36;

function crop(mask: BinaryMask, region: Bbox) {
  const rect = growForOutline(region, mask.width, mask.height);
  return { data: maskRegion(mask, rect), rect, width: mask.width, height: mask.height };
}

/** A full paint: the RGBA of the mask's box. */
function fullPaint(mask: BinaryMask, selected: boolean, style: MaskStyle): { box: Bbox; rgba: Uint8ClampedArray } {
  const box = maskBbox(mask);
  const rgba = new Uint8ClampedArray(box[2] * box[3] * 4);
  paintMaskPixels({ out: rgba, outWidth: box[2], origin: [box[0], box[1]], region: box, crop: crop(mask, box), color: [200, 40, 90], selected, style });
  return { box, rgba };
}

/** What the renderer does: the old paint copied into the new box, then the piece's grown box repainted. */
function incrementalPaint(before: BinaryMask, after: BinaryMask, piece: Bbox, selected: boolean, style: MaskStyle): Uint8ClampedArray {
  const old = fullPaint(before, selected, style);
  const box = maskBbox(after);
  const rgba = new Uint8ClampedArray(box[2] * box[3] * 4);
  for (let y = 0; y < old.box[3]; y++) {
    for (let x = 0; x < old.box[2]; x++) {
      const px = old.box[0] + x - box[0];
      const py = old.box[1] + y - box[1];
      if (px < 0 || py < 0 || px >= box[2] || py >= box[3]) continue;
      rgba.set(old.rgba.subarray((y * old.box[2] + x) * 4, (y * old.box[2] + x) * 4 + 4), (py * box[2] + px) * 4);
    }
  }
  const dirty = intersectRects(growForOutline(piece, W, H), box);
  if (dirty) {
    const part = new Uint8ClampedArray(dirty[2] * dirty[3] * 4);
    paintMaskPixels({ out: part, outWidth: dirty[2], origin: [dirty[0], dirty[1]], region: dirty, crop: crop(after, dirty), color: [200, 40, 90], selected, style });
    for (let y = 0; y < dirty[3]; y++) rgba.set(part.subarray(y * dirty[2] * 4, (y + 1) * dirty[2] * 4), ((dirty[1] - box[1] + y) * box[2] + (dirty[0] - box[0])) * 4);
  }
  return rgba;
}

describe("paintMaskPixels", () => {
  it("repaints a brush or eraser piece's box to the same pixels as a full paint, at the picture's edges too", () => {
    const pieces: [number, number, number, 0 | 1][] = [[24, 18, 3, 1], [2, 2, 4, 1], [46, 34, 5, 1], [20, 16, 4, 0], [30, 10, 6, 0], [10, 30, 2, 1]];
    for (const style of ["solid", "prefill"] as const) {
      for (const selected of [false, true]) {
        for (const [x, y, r, value] of pieces) {
          const before = createMask(W, H);
          paintDisc(before, 22, 17, 9, 1);
          paintDisc(before, 35, 25, 4, 1);
          const after = cloneMask(before);
          paintDisc(after, x, y, r, value);
          const piece: Bbox = [Math.floor(x - r - 1), Math.floor(y - r - 1), Math.ceil(2 * r + 3), Math.ceil(2 * r + 3)];
          expect(incrementalPaint(before, after, piece, selected, style)).toEqual(fullPaint(after, selected, style).rgba);
        }
      }
    }
  });

  it("outlines the boundary and the picture's edge, and fills inside", () => {
    const mask = createMask(8, 6);
    for (let y = 0; y < 5; y++) mask.data.fill(1, y * 8, y * 8 + 5);
    const { rgba } = fullPaint(mask, false, "solid");
    const alpha = (x: number, y: number) => rgba[(y * 5 + x) * 4 + 3];
    expect([alpha(0, 0), alpha(4, 2), alpha(2, 4), alpha(2, 2), alpha(3, 3)]).toEqual([255, 255, 255, 105, 105]);
  });
});
