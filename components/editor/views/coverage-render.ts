// The "uncovered" view: one image-sized canvas that dims every pixel some
// mask covers, drawn over the image and masks, so what is left to label is
// the only bright part. Built once per document state (the union of all
// masks, one pass per object) and cached by the objects array, which is
// replaced on every edit and shared otherwise.
import { paintMaskInto } from "../core/compact-mask";
import type { EditorDocument, EditorObject } from "../core/types";

// Dark enough that uncovered regions stand out, light enough to still see what a mask covers.
const DIM = [15, 23, 42, 170] as const;

const cache = new WeakMap<readonly EditorObject[], HTMLCanvasElement | null>();

/** Covered pixels of every object (hidden ones and a hidden pre-fill layer included: they are still labelled). */
export function coveredPixels(doc: EditorDocument): { covered: Uint8Array; count: number } {
  const { width, height } = doc;
  const covered = new Uint8Array(width * height);
  let count = 0;
  for (const object of doc.objects) {
    // Masks are the picture's size (sync refuses others), so they paint straight into the buffer, from their runs.
    if (object.mask.width === width && object.mask.height === height) count += paintMaskInto(object.mask, covered);
  }
  return { covered, count };
}

export function renderUncovered(doc: EditorDocument): HTMLCanvasElement | null {
  if (cache.has(doc.objects)) return cache.get(doc.objects) ?? null;
  const { covered, count } = coveredPixels(doc);
  let canvas: HTMLCanvasElement | null = null;
  if (count > 0) {
    canvas = document.createElement("canvas");
    canvas.width = doc.width;
    canvas.height = doc.height;
    const context = canvas.getContext("2d");
    if (context) {
      const image = context.createImageData(doc.width, doc.height);
      const out = image.data;
      for (let i = 0; i < covered.length; i++) {
        if (covered[i] === 0) continue;
        const o = i * 4;
        out[o] = DIM[0];
        out[o + 1] = DIM[1];
        out[o + 2] = DIM[2];
        out[o + 3] = DIM[3];
      }
      context.putImageData(image, 0, 0);
    }
  }
  cache.set(doc.objects, canvas);
  return canvas;
}
