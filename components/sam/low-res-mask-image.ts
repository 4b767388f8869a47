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
  fill = [30, 144, 255, 110],
  edge = [0, 80, 230, 235],
}: {
  logits: Float32Array;
  geometry: ResizeGeometry;
  lowResSize: number;
  /** RGBA inside the mask. */
  fill?: readonly [number, number, number, number];
  /** RGBA of mask pixels next to the outside: an outline that stays visible on any image. */
  edge?: readonly [number, number, number, number];
}): LowResMaskPixels {
  const mask = cropLowResMask({ lowRes: logits, geometry, lowResSize });
  const { width, height, data } = mask;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && data[y * width + x] === 1;
  let maskPixels = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] !== 1) continue;
      maskPixels++;
      const border = !inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1) || !inside(x, y + 1);
      rgba.set(border ? edge : fill, (y * width + x) * 4);
    }
  }
  return { width, height, rgba, maskPixels };
}
