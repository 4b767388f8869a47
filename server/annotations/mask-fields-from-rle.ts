// Validated RLE -> the mask columns of an Annotation. Area and bbox are
// computed from the runs (pycocotools semantics, lib/mask), never trusted
// from the client; the mask must cover the image exactly.
import { InvalidRleError, rleArea, rleBbox, rleCounts, rleCountsToString } from "@/lib/mask";
import type { CocoRleInput } from "@/lib/schemas/annotations";
import { AppError } from "../errors/app-error";

export interface MaskFields {
  rleCounts: string;
  maskHeight: number;
  maskWidth: number;
  bbox: number[];
  area: number;
}

export function maskFieldsFromRle(options: { rle: CocoRleInput; image: { width: number; height: number } }): MaskFields {
  const { rle, image } = options;
  const [height, width] = rle.size;
  if (height !== image.height || width !== image.width) {
    throw new AppError(
      "bad_request",
      `The mask is ${width}x${height} but the image is ${image.width}x${image.height}; masks must cover the whole image.`,
    );
  }
  try {
    // Decodes the counts once to check them (bad characters, truncation, wrong total).
    const counts = canonicalRuns(rleCounts(rle));
    const decoded = { size: rle.size, counts };
    const area = rleArea(decoded);
    if (area === 0) throw new AppError("bad_request", "The mask is empty; delete the object instead.");
    // Stored canonical (as pycocotools would write these pixels), whatever the client sent.
    return { rleCounts: rleCountsToString(counts), maskHeight: height, maskWidth: width, bbox: rleBbox(decoded), area };
  } catch (error) {
    if (error instanceof InvalidRleError) throw new AppError("bad_request", `Invalid RLE: ${error.message}`);
    throw error;
  }
}

/** Merges zero-length runs away: alternating runs starting with background, as rleEncode writes them. */
export function canonicalRuns(counts: readonly number[]): number[] {
  const out: number[] = [0];
  counts.forEach((length, index) => {
    if (length === 0) return;
    const colour = index % 2;
    // out's last run has colour (out.length - 1) % 2.
    if ((out.length - 1) % 2 === colour) out[out.length - 1] = (out[out.length - 1] ?? 0) + length;
    else out.push(length);
  });
  return out;
}
