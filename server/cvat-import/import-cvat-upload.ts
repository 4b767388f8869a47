// The CVAT import route's server function: one zip (field "dataset") with a
// "CVAT for images 1.1" annotations.xml and, where they are not in the project
// yet, the pictures (CVAT's images/ folder); imported as pre-labels through
// the COCO import (same checks, same all-or-nothing writes). The caller's
// right to import is checked before the body is read.
import path from "node:path";
import type { CocoImportResult } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { appConfig } from "../config/app-config";
import { importConvertedDataset, type DatasetZip } from "../coco-import/import-converted-dataset";
import { readDatasetZip } from "../coco-import/read-dataset-zip";
import { AppError } from "../errors/app-error";
import { cvatXmlToCoco, type CvatConversion } from "./cvat-xml-to-coco";

export type CvatImportResult = CocoImportResult & { format: "cvat"; skippedShapes: Record<string, number> };

/** The archive's one annotations.xml (at the top or in one folder). */
async function convertZip(zip: DatasetZip): Promise<CvatConversion> {
  const candidates = zip.names.filter((name) => path.posix.basename(name) === "annotations.xml" && !name.startsWith("__MACOSX/"));
  if (candidates.length !== 1) {
    throw new AppError("bad_request", candidates.length === 0 ? "The zip has no annotations.xml (CVAT for images 1.1 export)." : `The zip has ${candidates.length} annotations.xml files; send one task's export.`, { reason: "cvat_xml" });
  }
  return cvatXmlToCoco(await zip.read(candidates[0]!));
}

export async function importCvatUpload(options: { actor: Actor; projectId: string; request: Request }): Promise<CvatImportResult> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "import annotations" });
  const maxUploadBytes = appConfig().maxUploadBytes;
  const zip = await readDatasetZip({ request: options.request, maxZipBytes: maxUploadBytes, what: "CVAT export" });
  const { result, conversion } = await importConvertedDataset({ actor, projectId, zip, formatLabel: "CVAT XML", maxEntryBytes: maxUploadBytes, convert: convertZip });
  return { ...result, format: "cvat", skippedShapes: conversion.skipped };
}
