// Object masks -> canvases for the Konva overlay: a translucent fill with an
// opaque one-pixel outline (pixels on the mask's boundary), cropped to the
// mask's bounding box. Cached per mask object: masks are immutable, so a
// render is only redone when the mask (or its colour/selection) changes. Only
// the box (and the two pixels around it the outline looks at) is read from the
// mask, so a compact mask is drawn from its runs without being decoded.
import type { BinaryMask } from "@/lib/mask";
import { maskRegion } from "../core/compact-mask";
import { foregroundBbox } from "../core/mask-facts";
import type { Rgb } from "./colors";

export interface MaskRender {
  canvas: HTMLCanvasElement;
  x: number;
  y: number;
}

const cache = new WeakMap<BinaryMask, Map<string, MaskRender | null>>();

/** "prefill": a pre-filled mask not yet accepted, hatched and with a dashed outline so it reads as a proposal. */
export type MaskStyle = "solid" | "prefill";

export function renderMask(options: { mask: BinaryMask; color: Rgb; selected: boolean; style?: MaskStyle }): MaskRender | null {
  const { mask, color, selected } = options;
  const style = options.style ?? "solid";
  const key = `${color.join(",")}|${selected ? 1 : 0}|${style}`;
  let perMask = cache.get(mask);
  if (!perMask) {
    perMask = new Map();
    cache.set(mask, perMask);
  }
  if (perMask.has(key)) return perMask.get(key) ?? null;
  const render = draw(mask, color, selected, style);
  perMask.set(key, render);
  return render;
}

function draw(mask: BinaryMask, color: Rgb, selected: boolean, style: MaskStyle): MaskRender | null {
  const [bx, by, bw, bh] = foregroundBbox(mask);
  if (bw === 0 || bh === 0) return null;
  const canvas = document.createElement("canvas");
  canvas.width = bw;
  canvas.height = bh;
  const context = canvas.getContext("2d");
  if (!context) return null;
  const image = context.createImageData(bw, bh);
  const out = image.data;
  // The box grown by the outline's reach, clipped to the picture: outside the crop reads as the picture's edge.
  const cx = Math.max(0, bx - OUTLINE_REACH);
  const cy = Math.max(0, by - OUTLINE_REACH);
  const w = Math.min(mask.width, bx + bw + OUTLINE_REACH) - cx;
  const h = Math.min(mask.height, by + bh + OUTLINE_REACH) - cy;
  const data = maskRegion(mask, [cx, cy, w, h]);
  const fillAlpha = selected ? 150 : 105;
  // Selected: a dark outer and a white inner outline, visible on light and dark images alike.
  const DARK: Rgb = [17, 24, 39];
  const WHITE: Rgb = [255, 255, 255];
  for (let y = by; y < by + bh; y++) {
    const row = (y - cy) * w - cx;
    for (let x = bx; x < bx + bw; x++) {
      if (data[row + x] === 0) continue;
      const distance = boundaryDistance(data, w, h, x - cx, y - cy, selected ? 2 : 1);
      const o = ((y - by) * bw + (x - bx)) * 4;
      let c = distance === 0 ? color : !selected ? color : distance === 1 ? DARK : WHITE;
      let alpha = distance === 0 ? fillAlpha : 255;
      if (style === "prefill") {
        if (distance === 0) {
          // Light fill crossed by diagonal hatching (image coordinates, so neighbours line up).
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
  context.putImageData(image, 0, 0);
  return { canvas, x: bx, y: by };
}

/** The widest outline (selected: dark and white rings) looks this many pixels past a foreground pixel. */
const OUTLINE_REACH = 2;

/** 1..width: how far (in axis steps) a foreground pixel is from the background or the image edge; 0 when farther. */
function boundaryDistance(data: Uint8Array, w: number, h: number, x: number, y: number, width: number): number {
  for (let d = 1; d <= width; d++) {
    if (x - d < 0 || y - d < 0 || x + d >= w || y + d >= h) return d;
    if (data[y * w + x - d] === 0 || data[y * w + x + d] === 0 || data[(y - d) * w + x] === 0 || data[(y + d) * w + x] === 0) return d;
  }
  return 0;
}

/** A low-res logit map as a small canvas, drawn stretched over the image (the fast preview path). */
export function renderLowRes(options: { width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> }): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = options.width;
  canvas.height = options.height;
  canvas.getContext("2d")?.putImageData(new ImageData(options.rgba, options.width, options.height), 0, 0);
  return canvas;
}
