// The shared path of the dataset-zip imports (YOLO, mask PNGs): open the zip,
// let the format's converter turn it into a COCO instances file, and import
// that with the zip as the image source, through the COCO import's checks and
// all-or-nothing writes. The caller checks the actor's rights before reading.
import type { CocoImportResult } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { importCocoDataset } from "./import-coco-dataset";
import { openZipImageSource } from "./open-zip-image-source";
import { DEFAULT_MAX_COCO_JSON_BYTES } from "./parse-coco-json";

export type DatasetZip = { names: string[]; read(name: string): Promise<Buffer> };

export async function importConvertedDataset<T extends { json: Uint8Array }>(options: {
  actor: Actor;
  projectId: string;
  zip: { bytes: Uint8Array; fileName: string };
  /** Shown as the import's file name in the activity log, e.g. "(YOLO)". */
  formatLabel: string;
  maxEntryBytes: number;
  convert: (zip: DatasetZip) => Promise<T>;
}): Promise<{ result: CocoImportResult; conversion: T }> {
  const { bytes, fileName } = options.zip;
  const source = await openZipImageSource({ bytes, maxEntryBytes: options.maxEntryBytes });
  let conversion: T;
  try {
    conversion = await options.convert({ names: source.names(), read: (name) => source.read(name) });
  } finally {
    source.close();
  }
  const result = await importCocoDataset({
    actor: options.actor,
    projectId: options.projectId,
    json: conversion.json,
    jsonFileName: `${fileName} (${options.formatLabel})`,
    zip: bytes,
    maxJsonBytes: Math.max(DEFAULT_MAX_COCO_JSON_BYTES, conversion.json.byteLength),
  });
  return { result, conversion };
}
