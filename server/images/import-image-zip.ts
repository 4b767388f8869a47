// Images uploaded as one zip (the Images tab's drop zone sends .zip files
// here): every image entry goes through importImage, with the checks of a
// single upload, one at a time (memory stays at one image); a bad file is
// reported and the rest go on, as with a server folder. Entries that are not
// images (readme files, label folders, macOS metadata) are counted as skipped.
import path from "node:path";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { appConfig } from "../config/app-config";
import { openZipImageSource } from "../coco-import/open-zip-image-source";
import { readDatasetZip } from "../coco-import/read-dataset-zip";
import { AppError, isAppError } from "../errors/app-error";
import { importImage } from "./import-image";
import type { FolderFileResult } from "./import-server-folder";
import { isImageFileName } from "./list-import-files";


export type ZipImportResult = {
  archive: string;
  results: FolderFileResult[];
  imported: number;
  duplicates: number;
  failed: number;
  skipped: number;
};

function isImageEntry(name: string): boolean {
  return isImageFileName(name) && !name.startsWith("__MACOSX/") && !path.posix.basename(name).startsWith("._");
}

export async function importImageZip(options: { actor: Actor; projectId: string; request: Request }): Promise<ZipImportResult> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "import images" });
  const maxUploadBytes = appConfig().maxUploadBytes;
  const archive = await readDatasetZip({ request: options.request, maxZipBytes: maxUploadBytes, what: "images", field: "archive" });
  const source = await openZipImageSource({ bytes: archive.bytes, maxEntryBytes: maxUploadBytes });
  const results: FolderFileResult[] = [];
  let skipped = 0;
  try {
    for (const name of source.names().sort((a, b) => a.localeCompare(b))) {
      if (!isImageEntry(name)) {
        skipped += 1;
        continue;
      }
      try {
        const result = await importImage({ actor, projectId, fileName: path.posix.basename(name), bytes: await source.read(name) });
        results.push({ path: name, status: result.status, imageId: result.status === "imported" ? result.image.id : result.imageId });
      } catch (error) {
        if (!isAppError(error)) throw error;
        results.push({ path: name, status: "failed", error: { code: error.code, message: error.message } });
      }
    }
  } finally {
    source.close();
  }
  if (results.length === 0) throw new AppError("bad_request", `${archive.fileName} holds no images (JPEG, PNG, WebP, TIFF, GIF, AVIF).`);
  const count = (status: FolderFileResult["status"]) => results.filter((result) => result.status === status).length;
  const summary: ZipImportResult = { archive: archive.fileName, results, imported: count("imported"), duplicates: count("duplicate"), failed: count("failed"), skipped };
  await recordAuditEvent({
    actorId: actor.id,
    projectId,
    action: "image.import_zip",
    targetType: "project",
    targetId: projectId,
    data: { archive: summary.archive, imported: summary.imported, duplicates: summary.duplicates, failed: summary.failed },
  });
  return summary;
}
