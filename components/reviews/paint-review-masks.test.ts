import { describe, expect, it } from "vitest";
import { encodeMaskToRle, type BinaryMask } from "@/lib/mask";
import { paintReviewMasks, rectAround, reviewMaskArea, reviewMaskFromRle, type PaintedMask, type ReviewMask } from "./paint-review-masks";

const W = 6;
const H = 5;

/** A filled rectangle [x0, x1) x [y0, y1) on the W x H image. */
function rectMask(x0: number, y0: number, x1: number, y1: number, width = W, height = H): BinaryMask {
  const data = new Uint8Array(width * height);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 1;
  return { width, height, data };
}

function rect(x0: number, y0: number, x1: number, y1: number): ReviewMask {
  return reviewMaskFromRle(encodeMaskToRle(rectMask(x0, y0, x1, y1)));
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
    const stale: PaintedMask = { id: "c", mask: reviewMaskFromRle(encodeMaskToRle(rectMask(0, 0, 3, 3, 3, 3))), rgb: [0, 255, 0] };
    const { rgba } = paint([red, blue, stale]);
    expect(rgba(3, 2)).toEqual([0, 0, 255, 130]);
    expect(rgba(1, 2)).toEqual([255, 0, 0, 255]);
    expect(rgba(0, 0)).toEqual([0, 0, 0, 0]);
  });

  it("paints from each mask's crop exactly what a pass over the whole picture would", () => {
    // Discs and a mask touching the picture's edges, on a larger picture.
    const width = 40;
    const height = 30;
    const masks: BinaryMask[] = [rectMask(0, 0, 7, 5, width, height), rectMask(30, 20, 40, 30, width, height), rectMask(10, 8, 25, 19, width, height)];
    masks[2]!.data[12 * width + 15] = 0; // a hole: an inner outline
    const out = new Uint8ClampedArray(width * height * 4);
    paintReviewMasks({ out, width, height, masks: masks.map((m, i) => ({ id: String(i), mask: reviewMaskFromRle(encodeMaskToRle(m)), rgb: [10, 20, 30] })), opacity: 1, highlightId: null });
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        const owner = masks.find((m) => m.data[i] === 1);
        const alpha = out[i * 4 + 3];
        if (!owner) {
          expect(alpha).toBe(0);
          continue;
        }
        const d = owner.data;
        const edge = x === 0 || y === 0 || x === width - 1 || y === height - 1 || d[i - 1] === 0 || d[i + 1] === 0 || d[i - width] === 0 || d[i + width] === 0;
        expect(alpha).toBe(edge ? 255 : 130);
      }
    }
  });

  it("repaints only the old and new highlighted masks' areas to the same pixels as a full paint", () => {
    const width = 40;
    const height = 30;
    const masks: PaintedMask[] = [
      { id: "a", mask: reviewMaskFromRle(encodeMaskToRle(rectMask(2, 2, 15, 12, width, height))), rgb: [200, 0, 0] },
      { id: "b", mask: reviewMaskFromRle(encodeMaskToRle(rectMask(10, 8, 30, 20, width, height))), rgb: [0, 0, 200] },
      { id: "c", mask: reviewMaskFromRle(encodeMaskToRle(rectMask(25, 18, 40, 30, width, height))), rgb: [0, 200, 0] },
    ];
    const full = (highlightId: string | null) => {
      const out = new Uint8ClampedArray(width * height * 4);
      paintReviewMasks({ out, width, height, masks, opacity: 0.6, highlightId });
      return out;
    };
    const areaOf = (id: string) => reviewMaskArea(masks.find((m) => m.id === id)!.mask);
    for (const [from, to] of [["a", "b"], ["b", "c"], ["c", null], [null, "a"]] as const) {
      const out = full(from);
      const region = rectAround([from ? areaOf(from) : null, to ? areaOf(to) : null])!;
      paintReviewMasks({ out, width, height, masks, opacity: 0.6, highlightId: to, region });
      expect(out).toEqual(full(to));
    }
    expect(rectAround([null, null])).toBeNull();
  });
});
