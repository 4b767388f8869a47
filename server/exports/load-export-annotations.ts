// Loads the masks of one chunk of exported images, in the order and with the
// ids fixed by selectExportData. Area and bbox are recomputed from the RLE
// (pycocotools semantics) so the files never disagree with their own masks.
import { storedAttributeValuesFor } from "@/lib/schemas/label-attributes";
import { rleArea, rleBbox, type CocoRle } from "@/lib/mask";
import { db } from "../db/client";
import type { ExportAnnotation, ExportCategory, ExportImage, ExportImageWithAnnotations } from "./export-types";
import type { ExportSelection } from "./select-export-data";

export async function loadExportAnnotations(options: {
  selection: ExportSelection;
  images: readonly ExportImage[];
}): Promise<ExportImageWithAnnotations[]> {
  const { selection, images } = options;
  const categoryByClass = new Map<string, ExportCategory>(selection.categories.map((category) => [category.labelClassId, category]));
  const rows = await db().annotation.findMany({
    where: { ...selection.annotationWhere, imageId: { in: images.map((image) => image.dbId) } },
    select: {
      id: true,
      imageId: true,
      labelClassId: true,
      rleCounts: true,
      maskHeight: true,
      maskWidth: true,
      predictedIou: true,
      stabilityScore: true,
      prompt: true,
      attributes: true,
    },
  });
  const byImage = new Map<string, ExportAnnotation[]>(images.map((image) => [image.dbId, []]));
  for (const row of rows) {
    const cocoId = selection.annotationIds.get(row.id);
    // Created after the export started numbering: not part of this export.
    if (cocoId === undefined) continue;
    const rle: CocoRle = { size: [row.maskHeight, row.maskWidth], counts: row.rleCounts };
    const category = row.labelClassId ? (categoryByClass.get(row.labelClassId) ?? null) : null;
    byImage.get(row.imageId)?.push({
      dbId: row.id,
      cocoId,
      category,
      rle,
      area: rleArea(rle),
      bbox: rleBbox(rle),
      predictedIou: row.predictedIou,
      stabilityScore: row.stabilityScore,
      prompt: row.prompt,
      // Values of attributes removed from the class since are left out.
      attributes: category ? storedAttributeValuesFor(category.attributes, row.attributes) : {},
    });
  }
  return images.map((image) => {
    const annotations = byImage.get(image.dbId) ?? [];
    annotations.sort((a, b) => a.cocoId - b.cocoId);
    return { image, annotations };
  });
}
