// The YOLO import route's server function: one zip (field "dataset") with
// images, YOLO segmentation labels and the class names, imported as
// pre-labels through the COCO import (same checks, same all-or-nothing
// writes). The caller's right to import is checked before the body is read.
import type { CocoImportResult } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { appConfig } from "../config/app-config";
import { importCocoDataset } from "../coco-import/import-coco-dataset";
import { openZipImageSource } from "../coco-import/open-zip-image-source";
import { DEFAULT_MAX_COCO_JSON_BYTES } from "../coco-import/parse-coco-json";
import { readDatasetZip } from "../coco-import/read-dataset-zip";
import { yoloDatasetToCoco } from "./yolo-dataset-to-coco";

export type YoloImportResult = CocoImportResult & { format: "yolo"; emptyPolygons: number };

export async function importYoloUpload(options: { actor: Actor; projectId: string; request: Request }): Promise<YoloImportResult> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "import annotations" });
  const maxUploadBytes = appConfig().maxUploadBytes;
  const { bytes, fileName } = await readDatasetZip({ request: options.request, maxZipBytes: maxUploadBytes, what: "YOLO dataset" });
  const source = await openZipImageSource({ bytes, maxEntryBytes: maxUploadBytes });
  let conversion: Awaited<ReturnType<typeof yoloDatasetToCoco>>;
  try {
    conversion = await yoloDatasetToCoco({ names: source.names(), read: (name) => source.read(name) });
  } finally {
    source.close();
  }
  const result = await importCocoDataset({
    actor,
    projectId,
    json: conversion.json,
    jsonFileName: `${fileName} (YOLO)`,
    zip: bytes,
    maxJsonBytes: Math.max(DEFAULT_MAX_COCO_JSON_BYTES, conversion.json.byteLength),
  });
  return { ...result, format: "yolo", emptyPolygons: conversion.emptyPolygons };
}
