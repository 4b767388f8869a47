// The mask PNG import route's server function: one zip (field "dataset") with
// mask PNGs (this project's PNG export, or Pascal VOC / CVAT "Segmentation
// mask 1.1") and, where they are not in the project yet, the pictures;
// imported as pre-labels through the COCO import (same checks, same
// all-or-nothing writes). The caller's right to import is checked first.
import type { CocoImportResult } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { appConfig } from "../config/app-config";
import { importConvertedDataset } from "../coco-import/import-converted-dataset";
import { readDatasetZip } from "../coco-import/read-dataset-zip";
import { db } from "../db/client";
import { pngMasksToCoco, type PngMaskConversion } from "./png-masks-to-coco";

export type PngMaskImportResult = CocoImportResult & { format: "png"; layout: PngMaskConversion["layout"]; objectsWithoutClass: number };

export async function importPngMasksUpload(options: { actor: Actor; projectId: string; request: Request }): Promise<PngMaskImportResult> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "import annotations" });
  const maxUploadBytes = appConfig().maxUploadBytes;
  const zip = await readDatasetZip({ request: options.request, maxZipBytes: maxUploadBytes, what: "mask PNGs" });
  // Pictures left out of the zip are looked up among the project's images (VOC: by stem).
  const projectImages = await db().image.findMany({ where: { projectId }, select: { fileName: true, width: true, height: true } });
  const { result, conversion } = await importConvertedDataset({
    actor,
    projectId,
    zip,
    formatLabel: "PNG masks",
    maxEntryBytes: maxUploadBytes,
    convert: (source) => pngMasksToCoco({ zip: source, projectImages }),
  });
  return { ...result, format: "png", layout: conversion.layout, objectsWithoutClass: conversion.objectsWithoutClass };
}
