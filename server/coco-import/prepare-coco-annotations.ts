// Checks a parsed COCO file for consistency and turns every annotation into
// the stored form (compressed RLE, bbox, area) before anything is written, so
// a bad file is rejected whole. Every check names the offending object.
import { encodeMaskToRle, maskArea, maskBbox } from "@/lib/mask";
import { AppError } from "../errors/app-error";
import { assertSafeCocoFileName } from "./assert-safe-coco-file-name";
import type { CocoDataset, CocoImage } from "./coco-dataset-schema";
import { decodeCocoSegmentation } from "./decode-coco-segmentation";
import { readCocoAttributeValues } from "./infer-coco-attributes";
import type { AttributeValues } from "@/lib/schemas/label-attributes";

export type PreparedAnnotation = {
  cocoId: number;
  cocoImageId: number;
  categoryName: string;
  rleCounts: string;
  maskHeight: number;
  maskWidth: number;
  bbox: number[];
  area: number;
  /** The annotation's CVAT-style attribute values (infer-coco-attributes.ts). */
  attributes: AttributeValues;
};

export type PreparedCocoImport = {
  images: CocoImage[];
  /** COCO category id -> name (names are what label classes are matched on). */
  categories: Map<number, string>;
  /** Category name -> "#rrggbb", where the file gives one (a new label class takes it). */
  colours: Map<string, string>;
  annotations: PreparedAnnotation[];
};

function duplicate(what: string, id: number | string): AppError {
  return new AppError("bad_request", `The file lists ${what} ${JSON.stringify(id)} more than once.`, { reason: "duplicate_id", what, id });
}

export function prepareCocoAnnotations(options: { dataset: CocoDataset }): PreparedCocoImport {
  const { dataset } = options;
  const images = new Map<number, CocoImage>();
  const fileNames = new Set<string>();
  for (const image of dataset.images) {
    assertSafeCocoFileName({ fileName: image.file_name, imageId: image.id });
    if (images.has(image.id)) throw duplicate("image id", image.id);
    if (fileNames.has(image.file_name)) throw duplicate("image file_name", image.file_name);
    images.set(image.id, image);
    fileNames.add(image.file_name);
  }

  const categories = new Map<number, string>();
  const colours = new Map<string, string>();
  const names = new Set<string>();
  for (const category of dataset.categories) {
    if (categories.has(category.id)) throw duplicate("category id", category.id);
    if (names.has(category.name)) throw duplicate("category name", category.name);
    categories.set(category.id, category.name);
    if (category.color) colours.set(category.name, category.color.toLowerCase());
    names.add(category.name);
  }

  const seen = new Set<number>();
  const annotations: PreparedAnnotation[] = [];
  for (const annotation of dataset.annotations) {
    if (seen.has(annotation.id)) throw duplicate("annotation id", annotation.id);
    seen.add(annotation.id);
    const image = images.get(annotation.image_id);
    if (!image) {
      throw new AppError("bad_request", `Annotation ${annotation.id} refers to image ${annotation.image_id}, which is not in the file's images list.`, {
        reason: "unknown_image",
        annotationId: annotation.id,
        imageId: annotation.image_id,
      });
    }
    const categoryName = categories.get(annotation.category_id);
    if (categoryName === undefined) {
      throw new AppError("bad_request", `Annotation ${annotation.id} has category_id ${annotation.category_id}, which is not in the file's categories list.`, {
        reason: "unknown_category",
        annotationId: annotation.id,
        categoryId: annotation.category_id,
      });
    }
    const mask = decodeCocoSegmentation({ segmentation: annotation.segmentation, width: image.width, height: image.height, annotationId: annotation.id });
    annotations.push({
      cocoId: annotation.id,
      cocoImageId: image.id,
      categoryName,
      rleCounts: encodeMaskToRle(mask).counts,
      maskHeight: image.height,
      maskWidth: image.width,
      bbox: maskBbox(mask),
      area: maskArea(mask),
      attributes: readCocoAttributeValues(annotation),
    });
  }
  return { images: dataset.images, categories, colours, annotations };
}
