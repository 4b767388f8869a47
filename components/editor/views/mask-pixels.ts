// The pixels of one object's overlay (no DOM): a translucent fill and an
// opaque outline on the mask's boundary (two rings, dark and white, when the
// object is selected; dashed and hatched for a pre-fill not yet accepted),
// written into an RGBA buffer that covers the mask's box. Any sub-rectangle
// can be painted on its own and gives the same pixels as a full paint, which
// is what lets a brush stroke repaint only the few pixels it changed.
import type { Bbox } from "@/lib/mask";
import type { Rgb } from "./colors";

/** "prefill": a pre-filled mask not yet accepted, hatched and with a dashed outline so it reads as a proposal. */
export type MaskStyle = "solid" | "prefill";

/** The widest outline (selected: dark and white rings) looks this many pixels past a foreground pixel. */
export const OUTLINE_REACH = 2;

const DARK: Rgb = [17, 24, 39];
const WHITE: Rgb = [255, 255, 255];

/** Mask pixels around a region: a row-major crop of the picture, and where it lies in it. */
export interface MaskCrop {
  data: Uint8Array;
  rect: Bbox;
  /** The picture's size: pixels past its edge count as the outline, pixels past the crop as background. */
  width: number;
  height: number;
}

/**
 * Paints `region` (picture coordinates) of the overlay into `out`, an RGBA
 * buffer whose top-left pixel is picture pixel (`origin`) and `outWidth` wide.
 * `crop` must cover the region grown by OUTLINE_REACH (clipped to the picture).
 */
export function paintMaskPixels(options: { out: Uint8ClampedArray; outWidth: number; origin: readonly [number, number]; region: Bbox; crop: MaskCrop; color: Rgb; selected: boolean; style: MaskStyle }): void {
  const { out, outWidth, origin, region, crop, color, selected, style } = options;
  const [rx, ry, rw, rh] = region;
  const [cx, cy, cw] = crop.rect;
  const fillAlpha = selected ? 150 : 105;
  const reach = selected ? 2 : 1;
  for (let y = ry; y < ry + rh; y++) {
    for (let x = rx; x < rx + rw; x++) {
      const o = ((y - origin[1]) * outWidth + (x - origin[0])) * 4;
      if (crop.data[(y - cy) * cw + (x - cx)] === 0) {
        out[o] = out[o + 1] = out[o + 2] = out[o + 3] = 0;
        continue;
      }
      const distance = boundaryDistance(crop, x, y, reach);
      let c = distance === 0 ? color : !selected ? color : distance === 1 ? DARK : WHITE;
      let alpha = distance === 0 ? fillAlpha : 255;
      if (style === "prefill") {
        if (distance === 0) {
          // Light fill crossed by diagonal hatching (picture coordinates, so neighbours line up).
          alpha = (x + y) % 8 < 2 ? (selected ? 190 : 150) : selected ? 70 : 35;
        } else if (!selected && ((x + y) >> 2) % 2 === 1) {
          // Dashed outline: every other 4-pixel run is white.
          c = WHITE;
        }
      }
      out[o] = c[0];
      out[o + 1] = c[1];
      out[o + 2] = c[2];
      out[o + 3] = alpha;
    }
  }
}

/** 1..reach: how far (in axis steps) a foreground pixel is from the background or the picture's edge; 0 when farther. */
function boundaryDistance(crop: MaskCrop, x: number, y: number, reach: number): number {
  const [cx, cy, cw, ch] = crop.rect;
  const at = (px: number, py: number) => {
    const ix = px - cx;
    const iy = py - cy;
    return ix < 0 || iy < 0 || ix >= cw || iy >= ch ? 0 : (crop.data[iy * cw + ix] as number);
  };
  for (let d = 1; d <= reach; d++) {
    if (x - d < 0 || y - d < 0 || x + d >= crop.width || y + d >= crop.height) return d;
    if (at(x - d, y) === 0 || at(x + d, y) === 0 || at(x, y - d) === 0 || at(x, y + d) === 0) return d;
  }
  return 0;
}

/** `rect` grown by the outline's reach and clipped to a width x height picture. */
export function growForOutline(rect: Bbox, width: number, height: number): Bbox {
  const x0 = Math.max(0, rect[0] - OUTLINE_REACH);
  const y0 = Math.max(0, rect[1] - OUTLINE_REACH);
  const x1 = Math.min(width, rect[0] + rect[2] + OUTLINE_REACH);
  const y1 = Math.min(height, rect[1] + rect[3] + OUTLINE_REACH);
  return [x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0)];
}

/** The overlap of two rectangles; null when they do not meet. */
export function intersectRects(a: Bbox, b: Bbox): Bbox | null {
  const x0 = Math.max(a[0], b[0]);
  const y0 = Math.max(a[1], b[1]);
  const x1 = Math.min(a[0] + a[2], b[0] + b[2]);
  const y1 = Math.min(a[1] + a[3], b[1] + b[3]);
  return x1 > x0 && y1 > y0 ? [x0, y0, x1 - x0, y1 - y0] : null;
}
