// Low-res SAM logits -> RGBA pixels for the overlay canvas. Only the part of
// the 256x256 map that covers the image is drawn (the rest is the encoder's
// padding); the canvas is then stretched over the image by CSS with
// smoothing, which is the fast display path. Exact full-resolution masks are
// computed only on commit (lib/sam/mask-postprocess lowResLogitsToMask).
import { cropLowResMask } from "@/lib/sam/mask-postprocess";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";

export interface LowResMaskPixels {
  width: number;
  height: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
  /** Low-res pixels inside the mask. */
  maskPixels: number;
}

export function lowResMaskPixels({
  logits,
  geometry,
  lowResSize,
  color = [30, 144, 255, 150],
}: {
  logits: Float32Array;
  geometry: ResizeGeometry;
  lowResSize: number;
  color?: readonly [number, number, number, number];
}): LowResMaskPixels {
  const mask = cropLowResMask({ lowRes: logits, geometry, lowResSize });
  const rgba = new Uint8ClampedArray(mask.width * mask.height * 4);
  let maskPixels = 0;
  for (let i = 0; i < mask.data.length; i++) {
    if (mask.data[i] === 1) {
      maskPixels++;
      rgba.set(color, i * 4);
    }
  }
  return { width: mask.width, height: mask.height, rgba, maskPixels };
}
