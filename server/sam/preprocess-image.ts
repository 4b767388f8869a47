// Any image sharp can read -> SAM encoder input: EXIF-oriented RGB, longest
// side resized to inputSize, normalised per channel, zero-padded bottom/right
// (after normalisation, as SAM's preprocess does), CHW float32.
import sharp from "sharp";
import { computeResizeGeometry, type ResizeGeometry } from "@/lib/sam/prompt-transform";

export interface Normalization {
  mean: readonly [number, number, number];
  std: readonly [number, number, number];
}

export interface PreprocessedImage {
  /** [1, 3, inputSize, inputSize] row-major. */
  tensor: Float32Array;
  dims: [1, 3, number, number];
  /** Original (EXIF-oriented) size and the resize applied. */
  geometry: ResizeGeometry;
}

export async function preprocessImage({
  image,
  inputSize,
  normalization,
}: {
  image: Buffer | Uint8Array;
  inputSize: number;
  normalization: Normalization;
}): Promise<PreprocessedImage> {
  const metadata = await sharp(image).metadata();
  // autoOrient holds the size after applying the EXIF orientation.
  const { width, height } = metadata.autoOrient ?? metadata;
  if (!width || !height) throw new Error("Cannot read image dimensions");
  const geometry = computeResizeGeometry({ width, height, inputSize });

  // Cubic is closest to the PIL bicubic resize SAM's reference pipeline uses.
  const { data, info } = await sharp(image)
    .autoOrient()
    .resize(geometry.resizedWidth, geometry.resizedHeight, { fit: "fill", kernel: "cubic" })
    .removeAlpha()
    .toColourspace("srgb")
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  if (info.width !== geometry.resizedWidth || info.height !== geometry.resizedHeight) {
    throw new Error(`Resize produced ${info.width}x${info.height}, expected ${geometry.resizedWidth}x${geometry.resizedHeight}`);
  }
  const channels = info.channels;
  if (channels !== 3 && channels !== 1) throw new Error(`Unexpected channel count ${channels} after conversion to RGB`);

  const plane = inputSize * inputSize;
  const tensor = new Float32Array(3 * plane);
  const [m0, m1, m2] = normalization.mean;
  const [s0, s1, s2] = normalization.std;
  for (let y = 0; y < info.height; y++) {
    let src = y * info.width * channels;
    let dst = y * inputSize;
    for (let x = 0; x < info.width; x++, src += channels, dst++) {
      const r = data[src] as number;
      const g = channels === 3 ? (data[src + 1] as number) : r;
      const b = channels === 3 ? (data[src + 2] as number) : r;
      tensor[dst] = (r - m0) / s0;
      tensor[plane + dst] = (g - m1) / s1;
      tensor[2 * plane + dst] = (b - m2) / s2;
    }
  }
  return { tensor, dims: [1, 3, inputSize, inputSize], geometry };
}
