// The displayed picture with its brightness / contrast applied: drawn once per
// change into an offscreen canvas with the 2D context's CSS filter, which
// Konva then shows like the image itself.
import { adjustFilter, isNeutral, type ImageAdjust } from "../core/image-adjust";

/** The image itself when neutral (no copy); else an adjusted copy at full resolution. */
export function adjustedImage(image: HTMLImageElement, adjust: ImageAdjust): HTMLImageElement | HTMLCanvasElement {
  if (isNeutral(adjust)) return image;
  const canvas = document.createElement("canvas");
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext("2d");
  if (!context) return image;
  context.filter = adjustFilter(adjust);
  context.drawImage(image, 0, 0);
  return canvas;
}
