// Object masks -> canvases for the Konva overlay: a translucent fill with an
// opaque one-pixel outline (pixels on the mask's boundary), cropped to the
// mask's bounding box. Cached per mask object: masks are immutable, so a
// render is only redone when the mask (or its colour/selection) changes.
import { maskBbox, type BinaryMask } from "@/lib/mask";
import type { Rgb } from "./colors";

export interface MaskRender {
  canvas: HTMLCanvasElement;
  x: number;
  y: number;
}

const cache = new WeakMap<BinaryMask, Map<string, MaskRender | null>>();

export function renderMask(options: { mask: BinaryMask; color: Rgb; selected: boolean }): MaskRender | null {
  const { mask, color, selected } = options;
  const key = `${color.join(",")}|${selected ? 1 : 0}`;
  let perMask = cache.get(mask);
  if (!perMask) {
    perMask = new Map();
    cache.set(mask, perMask);
  }
  if (perMask.has(key)) return perMask.get(key) ?? null;
  const render = draw(mask, color, selected);
  perMask.set(key, render);
  return render;
}

function draw(mask: BinaryMask, color: Rgb, selected: boolean): MaskRender | null {
  const [bx, by, bw, bh] = maskBbox(mask);
  if (bw === 0 || bh === 0) return null;
  const canvas = document.createElement("canvas");
  canvas.width = bw;
  canvas.height = bh;
  const context = canvas.getContext("2d");
  if (!context) return null;
  const image = context.createImageData(bw, bh);
  const out = image.data;
  const { width: w, height: h, data } = mask;
  const fillAlpha = selected ? 150 : 105;
  // Selected: a white two-pixel outline stands out on any label colour.
  const edge: Rgb = selected ? [255, 255, 255] : color;
  for (let y = by; y < by + bh; y++) {
    const row = y * w;
    for (let x = bx; x < bx + bw; x++) {
      if (data[row + x] === 0) continue;
      const boundary = onBoundary(data, w, h, x, y, selected ? 2 : 1);
      const o = ((y - by) * bw + (x - bx)) * 4;
      const c = boundary ? edge : color;
      out[o] = c[0];
      out[o + 1] = c[1];
      out[o + 2] = c[2];
      out[o + 3] = boundary ? 255 : fillAlpha;
    }
  }
  context.putImageData(image, 0, 0);
  return { canvas, x: bx, y: by };
}

/** Whether a foreground pixel is within `width` pixels (4-connected steps) of the background or the image edge. */
function onBoundary(data: Uint8Array, w: number, h: number, x: number, y: number, width: number): boolean {
  for (let d = 1; d <= width; d++) {
    if (x - d < 0 || y - d < 0 || x + d >= w || y + d >= h) return true;
    if (data[y * w + x - d] === 0 || data[y * w + x + d] === 0 || data[(y - d) * w + x] === 0 || data[(y + d) * w + x] === 0) return true;
  }
  return false;
}

/** A low-res logit map as a small canvas, drawn stretched over the image (the fast preview path). */
export function renderLowRes(options: { width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> }): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = options.width;
  canvas.height = options.height;
  canvas.getContext("2d")?.putImageData(new ImageData(options.rgba, options.width, options.height), 0, 0);
  return canvas;
}
