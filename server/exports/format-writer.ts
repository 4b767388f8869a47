// What every export format implements: the archive builder walks the images
// once and hands each (with its annotations) to the format's writer.
import { decodeRleToMask, type BinaryMask } from "@/lib/mask";
import type { AttributeValues } from "@/lib/schemas/label-attributes";
import type { ExportAnnotation, ExportImage, ExportImageWithAnnotations } from "./export-types";

export type FormatWriter = {
  writeImage(item: ExportImageWithAnnotations): Promise<void>;
  finish(): Promise<void>;
};

/** The annotation's mask, refusing one whose size disagrees with its image (it could not be placed). */
export function decodeExportMask(options: { image: ExportImage; annotation: ExportAnnotation }): BinaryMask {
  const { image, annotation } = options;
  const [h, w] = annotation.rle.size;
  if (h !== image.height || w !== image.width) {
    throw new Error(`annotation ${annotation.cocoId} has a ${w}x${h} mask but image ${image.fileName} is ${image.width}x${image.height}`);
  }
  return decodeRleToMask(annotation.rle);
}

/** `{ attributes }` for JSON formats when there are values; nothing otherwise (other tools ignore the key). */
export function attributesField(values: AttributeValues): { attributes?: AttributeValues } {
  return Object.keys(values).length > 0 ? { attributes: values } : {};
}
