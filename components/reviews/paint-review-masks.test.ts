import { describe, expect, it } from "vitest";
import { maskBbox, type BinaryMask } from "@/lib/mask";
import { paintReviewMasks, type PaintedMask } from "./paint-review-masks";

const W = 6;
const H = 5;

/** A filled rectangle [x0, x1) x [y0, y1) on the W x H image. */
function rect(x0: number, y0: number, x1: number, y1: number): BinaryMask {
  const data = new Uint8Array(W * H);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * W + x] = 1;
  return { width: W, height: H, data };
}

function paint(masks: PaintedMask[], opacity = 1, highlightId: string | null = null) {
  const out = new Uint8ClampedArray(W * H * 4);
  paintReviewMasks({ out, width: W, height: H, masks, opacity, highlightId });
  return { rgba: (x: number, y: number) => [...out.subarray((y * W + x) * 4, (y * W + x) * 4 + 4)] };
}

describe("paintReviewMasks", () => {
  const red: PaintedMask = { id: "a", mask: rect(1, 1, 5, 4), rgb: [255, 0, 0] };

  it("draws an opaque outline and a translucent fill, nothing outside", () => {
    const { rgba } = paint([red]);
    expect(rgba(1, 1)).toEqual([255, 0, 0, 255]); // corner: outline
    expect(rgba(2, 2)).toEqual([255, 0, 0, 130]); // interior: fill
    expect(rgba(0, 0)).toEqual([0, 0, 0, 0]);
  });

  it("scales only the fill with the opacity, so outlines stay visible", () => {
    const { rgba } = paint([red], 0.5);
    expect(rgba(2, 2)[3]).toBe(65);
    expect(rgba(1, 2)[3]).toBe(255);
  });

  it("highlights one mask with a stronger fill and a white outline", () => {
    const { rgba } = paint([red], 1, "a");
    expect(rgba(2, 2)).toEqual([255, 0, 0, 200]);
    expect(rgba(4, 3)).toEqual([255, 255, 255, 255]);
  });

  it("draws a later mask over an earlier one and skips a mask of another size", () => {
    const blue: PaintedMask = { id: "b", mask: rect(2, 0, 6, 5), rgb: [0, 0, 255] };
    const stale: PaintedMask = { id: "c", mask: { width: 3, height: 3, data: new Uint8Array(9).fill(1) }, rgb: [0, 255, 0] };
    const { rgba } = paint([red, blue, stale]);
    expect(rgba(3, 2)).toEqual([0, 0, 255, 130]);
    expect(rgba(1, 2)).toEqual([255, 0, 0, 255]);
    expect(rgba(0, 0)).toEqual([0, 0, 0, 0]);
  });

  it("paints the same pixels when told each mask's box", () => {
    const blue: PaintedMask = { id: "b", mask: rect(2, 0, 6, 5), rgb: [0, 0, 255] };
    const paintAll = (masks: PaintedMask[]) => {
      const out = new Uint8ClampedArray(W * H * 4);
      paintReviewMasks({ out, width: W, height: H, masks, opacity: 0.7, highlightId: "b" });
      return out;
    };
    const boxed = [red, blue].map((m) => ({ ...m, bbox: maskBbox(m.mask) }));
    expect(paintAll(boxed)).toEqual(paintAll([red, blue]));
  });
});
