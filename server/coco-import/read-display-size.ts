// The size of a picture as displayed (EXIF orientations 5-8 swap the sides),
// from its header alone: what a converted dataset (YOLO, mask PNGs) must give
// the COCO import, which checks it again against the decoded file.
import sharp from "sharp";
import { AppError } from "../errors/app-error";

export async function readDisplaySize(options: { name: string; bytes: Buffer; reason: string }): Promise<{ width: number; height: number }> {
  try {
    const metadata = await sharp(options.bytes, { limitInputPixels: false }).metadata();
    const height = metadata.pageHeight ?? metadata.height;
    if (!metadata.width || !height) throw new Error("no size in the header");
    return (metadata.orientation ?? 1) >= 5 ? { width: height, height: metadata.width } : { width: metadata.width, height };
  } catch (error) {
    throw new AppError("bad_request", `${options.name}: the image cannot be read (${error instanceof Error ? error.message : String(error)}).`, { reason: options.reason, file: options.name });
  }
}
