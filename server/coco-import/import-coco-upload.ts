// The COCO import route's server function: check the caller may import
// before reading a possibly large body, then read the form and import.
import type { CocoImportResult } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { appConfig } from "../config/app-config";
import { importCocoDataset } from "./import-coco-dataset";
import { DEFAULT_MAX_COCO_JSON_BYTES } from "./parse-coco-json";
import { readCocoImportForm } from "./read-coco-import-form";

export async function importCocoUpload(options: { actor: Actor; projectId: string; request: Request; maxJsonBytes?: number }): Promise<CocoImportResult> {
  const { actor, projectId, request } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "import annotations" });
  const maxJsonBytes = options.maxJsonBytes ?? DEFAULT_MAX_COCO_JSON_BYTES;
  // The JSON gets its own limit (checked again, with a precise message, by parseCocoJson).
  const form = await readCocoImportForm({ request, maxJsonBytes, maxZipBytes: appConfig().maxUploadBytes });
  return importCocoDataset({ actor, projectId, ...form, maxJsonBytes });
}
