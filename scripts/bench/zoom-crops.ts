// Zoom crops for bench:prefill --zoom-train (a scale-augmentation
// experiment, not adopted: see server/prefill/README.md). Each training
// image also gives four corner crops covering `fraction` of each side; SAM
// re-encodes a crop at its full input size, so the crop shows the image's
// objects 1/fraction times larger. An object is a target in a crop only when
// most of its box lies inside: a sliver at the crop's edge is not an object
// to find.
import type { BinaryMask } from "@/lib/mask";
import { boxArea, clipBox, type Box } from "@/lib/detector/box";

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Share of each side a crop covers (0.6: 1.67x zoom, neighbouring crops overlap by 20%). */
export const ZOOM_CROP_FRACTION = 0.6;

/** An object whose box keeps less than this share of its area in the crop is not a target there. */
export const MIN_KEPT_BOX_SHARE = 0.6;

/** The four corner crops of a width x height image, in image pixels. */
export function zoomCropRects({ width, height, fraction = ZOOM_CROP_FRACTION }: { width: number; height: number; fraction?: number }): CropRect[] {
  if (!(fraction > 0 && fraction < 1)) throw new Error(`Zoom crop fraction must be in (0, 1), got ${fraction}`);
  const w = Math.max(1, Math.round(width * fraction));
  const h = Math.max(1, Math.round(height * fraction));
  return [
    { x: 0, y: 0, width: w, height: h },
    { x: width - w, y: 0, width: w, height: h },
    { x: 0, y: height - h, width: w, height: h },
    { x: width - w, y: height - h, width: w, height: h },
  ];
}

/** The box in crop pixels, clipped to the crop, or null when too little of it lies inside. */
export function cropBox(box: Box, rect: CropRect, minShare = MIN_KEPT_BOX_SHARE): Box | null {
  const clipped = clipBox({ x0: box.x0 - rect.x, y0: box.y0 - rect.y, x1: box.x1 - rect.x, y1: box.y1 - rect.y }, rect);
  const area = boxArea(box);
  const inside = boxArea(clipped);
  return area > 0 && inside > 0 && inside / area >= minShare ? clipped : null;
}

/** The part of an image-sized mask under the crop, as a crop-sized mask. */
export function cropMask(mask: BinaryMask, rect: CropRect): BinaryMask {
  if (rect.x < 0 || rect.y < 0 || rect.x + rect.width > mask.width || rect.y + rect.height > mask.height) {
    throw new Error(`Crop ${rect.width}x${rect.height}+${rect.x}+${rect.y} lies outside the ${mask.width}x${mask.height} mask`);
  }
  const data = new Uint8Array(rect.width * rect.height);
  for (let y = 0; y < rect.height; y++) {
    const from = (y + rect.y) * mask.width + rect.x;
    data.set(mask.data.subarray(from, from + rect.width), y * rect.width);
  }
  return { width: rect.width, height: rect.height, data };
}
