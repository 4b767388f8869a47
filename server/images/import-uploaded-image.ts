// The upload endpoint's server function: check the caller may import before
// reading a possibly large body, then parse the one file and import it.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { appConfig } from "../config/app-config";
import { importImage, type ImportImageResult } from "./import-image";
import { readUploadForm } from "./read-upload-form";

export async function importUploadedImage(options: { actor: Actor; projectId: string; request: Request }): Promise<ImportImageResult> {
  const { actor, projectId, request } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "import images" });
  const upload = await readUploadForm({ request, maxUploadBytes: appConfig().maxUploadBytes });
  return importImage({ actor, projectId, fileName: upload.fileName, bytes: upload.bytes });
}
