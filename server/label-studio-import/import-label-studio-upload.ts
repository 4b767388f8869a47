// The Label Studio import route's server function: the export JSON in the
// field "annotations" and, optionally, the pictures as a zip in "images" (or,
// for admins, a server folder), as for a COCO import; converted to COCO and
// imported through the COCO import (same checks, all or nothing). The caller's
// right to import is checked before the body is read.
import type { CocoImportResult } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { appConfig } from "../config/app-config";
import { importCocoDataset } from "../coco-import/import-coco-dataset";
import { openZipImageSource } from "../coco-import/open-zip-image-source";
import { DEFAULT_MAX_COCO_JSON_BYTES } from "../coco-import/parse-coco-json";
import { readCocoImportForm } from "../coco-import/read-coco-import-form";
import { db } from "../db/client";
import { labelStudioToCoco } from "./label-studio-to-coco";

export type LabelStudioImportResult = CocoImportResult & { format: "label-studio"; tasksWithoutMasks: number; skippedResults: Record<string, number> };

export async function importLabelStudioUpload(options: { actor: Actor; projectId: string; request: Request }): Promise<LabelStudioImportResult> {
  const { actor, projectId, request } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "import annotations" });
  const maxUploadBytes = appConfig().maxUploadBytes;
  const form = await readCocoImportForm({ request, maxJsonBytes: DEFAULT_MAX_COCO_JSON_BYTES, maxZipBytes: maxUploadBytes });
  let zipNames: string[] = [];
  if (form.zip) {
    const source = await openZipImageSource({ bytes: form.zip, maxEntryBytes: maxUploadBytes });
    zipNames = source.names();
    source.close();
  }
  const projectImages = await db().image.findMany({ where: { projectId }, select: { fileName: true } });
  const conversion = labelStudioToCoco({ json: form.json, zipNames, projectImageNames: projectImages.map((image) => image.fileName) });
  const result = await importCocoDataset({
    actor,
    projectId,
    json: conversion.json,
    jsonFileName: `${form.jsonFileName} (Label Studio)`,
    zip: form.zip,
    folder: form.folder,
    maxJsonBytes: Math.max(DEFAULT_MAX_COCO_JSON_BYTES, conversion.json.byteLength),
  });
  return { ...result, format: "label-studio", tasksWithoutMasks: conversion.tasksWithoutMasks, skippedResults: conversion.skipped };
}
