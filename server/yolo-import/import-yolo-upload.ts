// The YOLO import route's server function: one zip (field "dataset") with
// images, YOLO segmentation labels and the class names, imported as
// pre-labels through the COCO import (same checks, same all-or-nothing
// writes). The caller's right to import is checked before the body is read.
import type { CocoImportResult } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { appConfig } from "../config/app-config";
import { importConvertedDataset } from "../coco-import/import-converted-dataset";
import { readDatasetZip } from "../coco-import/read-dataset-zip";
import { yoloDatasetToCoco } from "./yolo-dataset-to-coco";

export type YoloImportResult = CocoImportResult & { format: "yolo"; emptyPolygons: number };

export async function importYoloUpload(options: { actor: Actor; projectId: string; request: Request }): Promise<YoloImportResult> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "import annotations" });
  const maxUploadBytes = appConfig().maxUploadBytes;
  const zip = await readDatasetZip({ request: options.request, maxZipBytes: maxUploadBytes, what: "YOLO dataset" });
  const { result, conversion } = await importConvertedDataset({ actor, projectId, zip, formatLabel: "YOLO", maxEntryBytes: maxUploadBytes, convert: yoloDatasetToCoco });
  return { ...result, format: "yolo", emptyPolygons: conversion.emptyPolygons };
}
