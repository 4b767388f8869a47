// Decides what an export contains: which images (project or batch, task
// status filter), which categories (label class filter) and the integer ids of
// images, categories and annotations; with dropNearDuplicates, one picture per
// near-duplicate group (the oldest). Only ids and small rows are loaded here;
// masks are loaded per chunk of images by loadExportAnnotations.
import { readLabelAttributes, storedAttributeValuesFor } from "@/lib/schemas/label-attributes";
import type { ExportOptions } from "@/lib/schemas/exports";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { assignExportIds } from "./assign-export-ids";
import type { ExportCategory, ExportImage } from "./export-types";
import { loadCocoSourceIds } from "./load-coco-source-ids";
import { uniqueExportFileNames } from "./unique-export-file-names";
import { findNearDuplicateGroups } from "../quality/find-near-duplicate-groups";

export type ExportSelection = {
  images: ExportImage[];
  categories: ExportCategory[];
  /** Annotation database id -> exported id, for every annotation of the selected images. */
  annotationIds: Map<string, number>;
  /** The annotation filter the per-chunk loader applies (same as used to number them). */
  annotationWhere: Prisma.AnnotationWhereInput;
  /** Pictures left out as near-duplicates of an older one (dropNearDuplicates). */
  nearDuplicatesLeftOut: number;
};

/** Ids of the pictures that are near-duplicates of an older selected one. */
async function laterNearDuplicates(projectId: string, imageIds: string[]): Promise<Set<string>> {
  // Groups list their ids in import order (oldest first), as the rows are.
  const groups = await findNearDuplicateGroups({ projectId, imageIds });
  return new Set(groups.flatMap((group) => group.slice(1)));
}

function imageWhere(projectId: string, options: ExportOptions): Prisma.ImageWhereInput {
  const and: Prisma.ImageWhereInput[] = [{ projectId }];
  if (options.batchId) and.push({ tasks: { some: { batchId: options.batchId } } });
  // An image qualifies when any of its tasks (annotate or review stage) has a chosen status.
  and.push({ tasks: { some: { status: { in: options.statuses } } } });
  // A spot check (request-review.ts) clears the flag on the hand-in it reviews, so this leaves out exactly the unreviewed.
  if (options.reviewedOnly) and.push({ handIns: { none: { reviewSkipped: true } } });
  return { AND: and };
}

/**
 * Annotations without a label class have no category, so only class-agnostic
 * SA-1B includes them, and only when no label filter is set.
 */
function annotationWhereFor(options: ExportOptions, labelClassIds: string[]): Prisma.AnnotationWhereInput {
  if (options.labelClassIds.length > 0 || options.format !== "sa1b") {
    return { deletedAt: null, labelClassId: { in: labelClassIds } };
  }
  return { deletedAt: null };
}

export async function selectExportData(options: { projectId: string; options: ExportOptions }): Promise<ExportSelection> {
  const { projectId } = options;
  const exportOptions = options.options;
  const sourceIds = await loadCocoSourceIds({ projectId });

  const classes = await db().labelClass.findMany({
    where: { projectId, ...(exportOptions.labelClassIds.length > 0 ? { id: { in: exportOptions.labelClassIds } } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, color: true, attributes: true },
  });
  const categoryIds = assignExportIds({ preferred: classes.map((label) => sourceIds.categories.get(label.id)) });
  const categories: ExportCategory[] = classes.map((label, index) => ({
    labelClassId: label.id,
    name: label.name,
    color: label.color,
    cocoId: categoryIds[index] as number,
    index,
    attributes: readLabelAttributes(label.attributes),
  }));

  const selectedRows = await db().image.findMany({
    where: imageWhere(projectId, exportOptions),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fileName: true, width: true, height: true, storageKey: true, attributes: true },
  });
  const leftOut = exportOptions.dropNearDuplicates ? await laterNearDuplicates(projectId, selectedRows.map((row) => row.id)) : new Set<string>();
  const imageRows = selectedRows.filter((row) => !leftOut.has(row.id));
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { imageAttributes: true } });
  const imageAttributeDefinitions = readLabelAttributes(project.imageAttributes);
  const imageIds = assignExportIds({ preferred: imageRows.map((image) => sourceIds.images.get(image.id)) });
  const fileNames = uniqueExportFileNames({ fileNames: imageRows.map((image) => image.fileName) });
  const images: ExportImage[] = imageRows.map((row, index) => ({
    dbId: row.id,
    cocoId: imageIds[index] as number,
    fileName: fileNames[index] as string,
    width: row.width,
    height: row.height,
    storageKey: row.storageKey,
    attributes: storedAttributeValuesFor(imageAttributeDefinitions, row.attributes),
  }));

  const annotationWhere = annotationWhereFor(exportOptions, classes.map((label) => label.id));
  // Ids only (no masks): numbered in image order, then creation order, like the files list them.
  const imageOrder = new Map(images.map((image, index) => [image.dbId, index]));
  const annotationRows = await db().annotation.findMany({
    where: { ...annotationWhere, projectId, image: imageWhere(projectId, exportOptions), ...(leftOut.size > 0 ? { imageId: { notIn: [...leftOut] } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, imageId: true, originId: true },
  });
  annotationRows.sort((a, b) => (imageOrder.get(a.imageId) ?? 0) - (imageOrder.get(b.imageId) ?? 0));
  // A corrected import keeps a link to the imported mask (originId): it inherits that mask's COCO id.
  const annotationCocoIds = assignExportIds({
    preferred: annotationRows.map((row) => sourceIds.annotations.get(row.id) ?? (row.originId ? sourceIds.annotations.get(row.originId) : undefined)),
  });
  const annotationIds = new Map(annotationRows.map((row, index) => [row.id, annotationCocoIds[index] as number]));

  return { images, categories, annotationIds, annotationWhere, nearDuplicatesLeftOut: leftOut.size };
}
