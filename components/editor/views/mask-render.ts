// Object masks -> canvases for the Konva overlay (pixels: mask-pixels.ts),
// cropped to the mask's bounding box. Cached per mask object: masks are
// immutable, so a render is only redone when the mask (or its colour /
// selection) changes. Only the box and the two pixels around it are read from
// the mask, so a compact mask is drawn from its runs without being decoded;
// and a mask a brush piece made from another (mask-facts editBoxOf) starts
// from that mask's canvas and repaints only the piece's box, so a stroke on a
// large object costs its few pixels per move, not the object's whole box.
import type { Bbox, BinaryMask } from "@/lib/mask";
import { maskRegion } from "../core/compact-mask";
import { editBoxOf, foregroundBbox } from "../core/mask-facts";
import type { Rgb } from "./colors";
import { growForOutline, intersectRects, paintMaskPixels, type MaskStyle } from "./mask-pixels";

export type { MaskStyle } from "./mask-pixels";

export interface MaskRender {
  canvas: HTMLCanvasElement;
  x: number;
  y: number;
}

const cache = new WeakMap<BinaryMask, Map<string, MaskRender | null>>();

function cached(mask: BinaryMask, key: string): MaskRender | null | undefined {
  return cache.get(mask)?.get(key);
}

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
  const edit = editBoxOf(mask);
  const previous = edit ? cached(edit.from, key) : undefined;
  const render = draw({ mask, color, selected, style, previous: previous && edit ? { render: previous, box: edit.box } : null });
  perMask.set(key, render);
  return render;
}

/** Paints `region` of the mask into the canvas, whose top-left is picture pixel (x, y). */
function paintRegion(context: CanvasRenderingContext2D, at: { x: number; y: number }, region: Bbox, options: { mask: BinaryMask; color: Rgb; selected: boolean; style: MaskStyle }): void {
  const { mask } = options;
  const [rx, ry, rw, rh] = region;
  const cropRect = growForOutline(region, mask.width, mask.height);
  const image = context.createImageData(rw, rh);
  paintMaskPixels({
    out: image.data,
    outWidth: rw,
    origin: [rx, ry],
    region,
    crop: { data: maskRegion(mask, cropRect), rect: cropRect, width: mask.width, height: mask.height },
    color: options.color,
    selected: options.selected,
    style: options.style,
  });
  context.putImageData(image, rx - at.x, ry - at.y);
}

function draw(options: { mask: BinaryMask; color: Rgb; selected: boolean; style: MaskStyle; previous: { render: MaskRender; box: Bbox } | null }): MaskRender | null {
  const { mask, previous } = options;
  const bbox = foregroundBbox(mask);
  const [bx, by, bw, bh] = bbox;
  if (bw === 0 || bh === 0) return null;
  const canvas = document.createElement("canvas");
  canvas.width = bw;
  canvas.height = bh;
  const context = canvas.getContext("2d");
  if (!context) return null;
  const at = { x: bx, y: by };
  if (previous) {
    // Outside the piece's box (grown by the outline's reach) nothing changed: copy, then repaint that box.
    context.drawImage(previous.render.canvas, previous.render.x - bx, previous.render.y - by);
    const dirty = intersectRects(growForOutline(previous.box, mask.width, mask.height), bbox);
    if (dirty) paintRegion(context, at, dirty, options);
  } else {
    paintRegion(context, at, bbox, options);
  }
  return { canvas, x: bx, y: by };
}

/** A low-res logit map as a small canvas, drawn stretched over the image (the fast preview path). */
export function renderLowRes(options: { width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> }): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = options.width;
  canvas.height = options.height;
  canvas.getContext("2d")?.putImageData(new ImageData(options.rgba, options.width, options.height), 0, 0);
  return canvas;
}
