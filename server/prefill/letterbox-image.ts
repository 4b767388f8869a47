// An image -> the ONNX detector's input: EXIF-oriented RGB in 0..1, longest
// side resized to S, placed top-left on a zero (black) S x S canvas, CHW
// float32. And the way back: boxes in input pixels -> image pixels.
import sharp from "sharp";
import { clipBox, type Box } from "@/lib/detector/box";

export interface Letterbox {
  /** Original (EXIF-oriented) image size. */
  width: number;
  height: number;
  /** The input side S and the resized image inside it (top-left). */
  size: number;
  resizedWidth: number;
  resizedHeight: number;
}

export function letterboxGeometry(options: { width: number; height: number; size: number }): Letterbox {
  const { width, height, size } = options;
  const scale = size / Math.max(width, height);
  return {
    width,
    height,
    size,
    resizedWidth: Math.max(1, Math.min(size, Math.round(width * scale))),
    resizedHeight: Math.max(1, Math.min(size, Math.round(height * scale))),
  };
}

/** A box in input pixels -> image pixels, clipped to the image (per-axis scale: the resize rounds each side). */
export function boxToImage(box: Box, letterbox: Letterbox): Box {
  const sx = letterbox.width / letterbox.resizedWidth;
  const sy = letterbox.height / letterbox.resizedHeight;
  return clipBox({ x0: box.x0 * sx, y0: box.y0 * sy, x1: box.x1 * sx, y1: box.y1 * sy }, letterbox);
}

export async function letterboxImage(options: { image: Buffer | Uint8Array; size: number }): Promise<{ tensor: Float32Array; letterbox: Letterbox }> {
  const { image, size } = options;
  const metadata = await sharp(image).metadata();
  const { width, height } = metadata.autoOrient ?? metadata;
  if (!width || !height) throw new Error("Cannot read image dimensions");
  const letterbox = letterboxGeometry({ width, height, size });
  const { data, info } = await sharp(image)
    .autoOrient()
    .resize(letterbox.resizedWidth, letterbox.resizedHeight, { fit: "fill" })
    .removeAlpha()
    .toColourspace("srgb")
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  const plane = size * size;
  const tensor = new Float32Array(3 * plane);
  for (let y = 0; y < info.height; y++) {
    let src = y * info.width * channels;
    let dst = y * size;
    for (let x = 0; x < info.width; x++, src += channels, dst++) {
      const r = data[src]!;
      tensor[dst] = r / 255;
      tensor[plane + dst] = (channels >= 3 ? data[src + 1]! : r) / 255;
      tensor[2 * plane + dst] = (channels >= 3 ? data[src + 2]! : r) / 255;
    }
  }
  return { tensor, letterbox };
}
