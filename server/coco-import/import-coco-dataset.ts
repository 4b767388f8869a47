// Imports a COCO instances file as pre-labels (source = import). Everything
// that can be wrong with the input is checked first, with no writes: JSON size
// and shape, file names, zip entries, every segmentation, categories, and that
// every image is present with the right size. Only then are the images
// imported (through importImage, so they get the same checks, tasks and jobs
// as any upload) and the label classes and annotations created in one
// transaction. If that transaction fails, images this import added are
// removed again, so a failed import leaves the project as it was.
import path from "node:path";
import type { CocoImportResult } from "@/lib/schemas/exports";
import { paletteColour } from "@/lib/label-palette";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { isAdministrator } from "../auth/is-administrator";
import { requireProjectAccess } from "../auth/project-access";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { importImage } from "../images/import-image";
import { COCO_IMPORT_ACTION, type CocoImportAuditData } from "./coco-import-audit";
import type { ImageSource } from "./image-source";
import { openFolderImageSource } from "./open-folder-image-source";
import { openZipImageSource } from "./open-zip-image-source";
import { parseCocoJson } from "./parse-coco-json";
import { prepareCocoAnnotations, type PreparedCocoImport } from "./prepare-coco-annotations";
import { resolveCocoImages, type ResolvedCocoImage } from "./resolve-coco-images";
import { inferAttributeDefinitions, mergeAttributeDefinitions } from "./infer-coco-attributes";
import { readLabelAttributes, storedAttributeValuesFor, type LabelAttribute } from "@/lib/schemas/label-attributes";


async function openSource(options: { actor: Actor; zip?: Uint8Array; folder?: string }): Promise<ImageSource | null> {
  const maxFileBytes = appConfig().maxUploadBytes;
  if (options.zip && options.folder) throw new AppError("bad_request", "Give the images either as a zip or as a server folder, not both.");
  if (options.zip) return openZipImageSource({ bytes: options.zip, maxEntryBytes: maxFileBytes });
  if (options.folder) {
    if (!isAdministrator(options.actor)) throw new AppError("forbidden", "Only administrators may import images from a server folder.");
    return openFolderImageSource({ folder: options.folder, maxFileBytes });
  }
  return null;
}

async function importImages(options: { actor: Actor; projectId: string; resolved: ResolvedCocoImage[]; source: ImageSource | null; created: string[] }) {
  const imageIds = new Map<number, string>();
  for (const entry of options.resolved) {
    if (entry.kind === "existing") {
      imageIds.set(entry.coco.id, entry.imageId);
      continue;
    }
    const bytes = await (options.source as ImageSource).read(entry.coco.file_name);
    const result = await importImage({ actor: options.actor, projectId: options.projectId, fileName: path.basename(entry.coco.file_name), bytes });
    if (result.status === "imported") {
      options.created.push(result.image.id);
      imageIds.set(entry.coco.id, result.image.id);
    } else {
      imageIds.set(entry.coco.id, result.imageId);
    }
  }
  return imageIds;
}

async function writeAnnotations(options: {
  actor: Actor;
  projectId: string;
  prepared: PreparedCocoImport;
  imageIds: Map<number, string>;
  fileName: string;
}): Promise<string[]> {
  const { actor, projectId, prepared, imageIds } = options;
  return db().$transaction(async (tx) => {
    const existing = await tx.labelClass.findMany({ where: { projectId }, select: { id: true, name: true, attributes: true } });
    const classIds = new Map(existing.map((label) => [label.name, label.id]));
    const inferred = inferAttributeDefinitions(prepared.annotations);
    const definitions = new Map<string, LabelAttribute[]>();
    let position = existing.length;
    const createdClasses: string[] = [];
    for (const name of new Set(prepared.categories.values())) {
      const found = existing.find((label) => label.name === name);
      const merged = mergeAttributeDefinitions(found ? readLabelAttributes(found.attributes) : [], inferred.get(name) ?? []);
      definitions.set(name, merged);
      if (found) {
        if (merged.length > readLabelAttributes(found.attributes).length) await tx.labelClass.update({ where: { id: found.id }, data: { attributes: merged } });
        continue;
      }
      const label = await tx.labelClass.create({ data: { projectId, name, color: prepared.colours.get(name) ?? paletteColour(position), position, attributes: merged } });
      position += 1;
      classIds.set(name, label.id);
      createdClasses.push(name);
    }
    // RETURNING gives the rows in insertion order: that pairs each new row with its COCO id for the audit record.
    const rows = await tx.annotation.createManyAndReturn({
      data: prepared.annotations.map((annotation) => ({
        projectId,
        imageId: imageIds.get(annotation.cocoImageId) as string,
        labelClassId: classIds.get(annotation.categoryName) as string,
        rleCounts: annotation.rleCounts,
        maskHeight: annotation.maskHeight,
        maskWidth: annotation.maskWidth,
        bbox: annotation.bbox,
        area: annotation.area,
        // Values a definition does not accept (an option an existing list lacks) are left out rather than failing the import.
        attributes: storedAttributeValuesFor(definitions.get(annotation.categoryName) ?? [], annotation.attributes),
        source: "import" as const,
        authorId: actor.id,
      })),
      select: { id: true },
    });
    const audit: CocoImportAuditData = {
      fileName: options.fileName,
      images: [...imageIds].map(([cocoId, imageId]) => [imageId, cocoId]),
      annotations: rows.map((row, index) => [row.id, (prepared.annotations[index] as { cocoId: number }).cocoId]),
      categories: [...prepared.categories].map(([cocoId, name]) => [classIds.get(name) as string, cocoId]),
    };
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: COCO_IMPORT_ACTION, targetType: "project", targetId: projectId, data: audit });
    return createdClasses;
  });
}

export async function importCocoDataset(options: {
  actor: Actor;
  projectId: string;
  json: Uint8Array;
  jsonFileName?: string;
  zip?: Uint8Array;
  folder?: string;
  maxJsonBytes?: number;
}): Promise<CocoImportResult> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "import annotations" });
  const prepared = prepareCocoAnnotations({ dataset: parseCocoJson({ bytes: options.json, maxBytes: options.maxJsonBytes }) });
  const source = await openSource(options);
  const created: string[] = [];
  try {
    const resolved = await resolveCocoImages({ projectId, images: prepared.images, source });
    const imageIds = await importImages({ actor, projectId, resolved, source, created });
    const labelClassesCreated = await writeAnnotations({ actor, projectId, prepared, imageIds, fileName: options.jsonFileName ?? "annotations.json" });
    return {
      images: resolved.length,
      imagesImported: created.length,
      imagesAlreadyPresent: resolved.length - created.length,
      annotations: prepared.annotations.length,
      labelClassesCreated,
    };
  } catch (error) {
    if (created.length > 0) {
      // Undo this import's images (their tasks cascade); files stay as harmless unreferenced objects.
      await db().image.deleteMany({ where: { id: { in: created } } }).catch((cleanupError: unknown) => {
        console.error("[coco-import] could not remove the images of a failed import", cleanupError);
      });
    }
    throw error;
  } finally {
    source?.close();
  }
}
