// One COCO segmentation -> mask, with pycocotools' semantics: RLE (compressed
// string or plain counts) must be exactly the image's size and its counts
// must sum to height*width; polygons are rasterised like annToRLE (rings
// unioned, frPoly's pixel rule) and must have finite coordinates and at least
// 3 points per ring. Failures name the annotation and what is wrong.
import {
  InvalidPolygonError,
  InvalidRleError,
  decodeRleToMask,
  rasterizePolygons,
  rleSize,
  type BinaryMask,
  type PolygonRing,
  type RleInput,
} from "@/lib/mask";
import { AppError } from "../errors/app-error";

function fail(annotationId: number, reason: string, message: string): AppError {
  return new AppError("bad_request", `Annotation ${annotationId}: ${message}`, { reason, annotationId });
}

function isRle(value: unknown): value is RleInput {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "counts" in value && "size" in value;
}

export function decodeCocoSegmentation(options: { segmentation: unknown; width: number; height: number; annotationId: number }): BinaryMask {
  const { segmentation, width, height, annotationId } = options;
  if (isRle(segmentation)) {
    try {
      const [h, w] = rleSize(segmentation);
      if (h !== height || w !== width) {
        throw fail(annotationId, "rle_size", `RLE size is ${h}x${w} (height x width) but the image is ${height}x${width}.`);
      }
      return decodeRleToMask(segmentation);
    } catch (error) {
      if (error instanceof InvalidRleError) throw fail(annotationId, "invalid_rle", `invalid RLE: ${error.message}.`);
      throw error;
    }
  }
  if (Array.isArray(segmentation)) {
    if (segmentation.length === 0) throw fail(annotationId, "invalid_polygon", "the polygon list is empty.");
    try {
      return rasterizePolygons(segmentation as PolygonRing[], width, height, { fillRule: "union" });
    } catch (error) {
      if (error instanceof InvalidPolygonError) throw fail(annotationId, "invalid_polygon", `invalid polygon: ${error.message}.`);
      throw error;
    }
  }
  throw fail(annotationId, "invalid_segmentation", "segmentation must be an RLE object {size, counts} or a list of polygons.");
}
