// Admin-only bulk import from a folder on the server (e.g. a mounted dataset),
// confined to MASKWRIGHT_IMPORT_ROOT. Files are imported one at a time (memory
// stays at one image) through importImage, so each gets the same checks as an
// upload; a bad file is reported and the batch goes on.
import { constants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { isAdministrator } from "../auth/is-administrator";
import { requireProjectAccess } from "../auth/project-access";
import { appConfig } from "../config/app-config";
import { AppError, isAppError } from "../errors/app-error";
import { importImage } from "./import-image";
import { assertUploadSize } from "./inspect-image-file";
import { listImportFiles } from "./list-import-files";
import { resolveImportFolder } from "./resolve-import-folder";

export const DEFAULT_MAX_FOLDER_FILES = 2000;

export type FolderFileResult =
  | { path: string; status: "imported" | "duplicate"; imageId: string }
  | { path: string; status: "failed"; error: { code: string; message: string } };

export type FolderImportResult = {
  folder: string;
  results: FolderFileResult[];
  imported: number;
  duplicates: number;
  failed: number;
  /** Files (or links to files) without an image extension, left alone. */
  skipped: number;
  /** True when the folder held more than maxFiles images; the rest were not imported. */
  truncated: boolean;
};

/** Reads without following a link swapped in since the listing (the real path was checked). */
async function readImportFile(realPath: string, fileName: string): Promise<Buffer> {
  const handle = await fs.open(realPath, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AppError("bad_request", `${fileName}: Not a regular file.`);
    assertUploadSize({ fileName, byteSize: stat.size });
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function importOneFile(options: { actor: Actor; projectId: string; relativePath: string; realPath: string }): Promise<FolderFileResult> {
  const { actor, projectId, relativePath, realPath } = options;
  try {
    const bytes = await readImportFile(realPath, path.basename(relativePath));
    const result = await importImage({ actor, projectId, fileName: path.basename(relativePath), bytes });
    const imageId = result.status === "imported" ? result.image.id : result.imageId;
    return { path: relativePath, status: result.status, imageId };
  } catch (error) {
    if (isAppError(error)) return { path: relativePath, status: "failed", error: { code: error.code, message: error.message } };
    console.error(`[images] folder import failed on ${realPath}`, error);
    return { path: relativePath, status: "failed", error: { code: "internal", message: `${path.basename(relativePath)}: Could not be imported (server error).` } };
  }
}

export async function importServerFolder(options: {
  actor: Actor;
  projectId: string;
  folder: string;
  recursive?: boolean;
  maxFiles?: number;
}): Promise<FolderImportResult> {
  const { actor, projectId, folder } = options;
  if (!isAdministrator(actor)) throw new AppError("forbidden", "Only administrators may import folders from the server.");
  const resolved = await resolveImportFolder({ importRoot: appConfig().importRoot, folder });
  await requireProjectAccess({ actor, projectId });

  const listing = await listImportFiles({
    realRoot: resolved.realRoot,
    realFolder: resolved.realFolder,
    recursive: options.recursive ?? false,
    maxFiles: options.maxFiles ?? DEFAULT_MAX_FOLDER_FILES,
  });
  const results: FolderFileResult[] = [];
  for (const file of listing.files) {
    if ("problem" in file) {
      results.push({ path: file.relativePath, status: "failed", error: { code: "forbidden", message: `${file.relativePath}: ${file.problem}` } });
    } else {
      results.push(await importOneFile({ actor, projectId, relativePath: file.relativePath, realPath: file.realPath }));
    }
  }

  const count = (status: FolderFileResult["status"]) => results.filter((result) => result.status === status).length;
  const summary: FolderImportResult = {
    folder: resolved.relative,
    results,
    imported: count("imported"),
    duplicates: count("duplicate"),
    failed: count("failed"),
    skipped: listing.skipped,
    truncated: listing.truncated,
  };
  await recordAuditEvent({
    actorId: actor.id,
    projectId,
    action: "image.import_folder",
    targetType: "project",
    targetId: projectId,
    data: { folder: resolved.relative, imported: summary.imported, duplicates: summary.duplicates, failed: summary.failed, truncated: summary.truncated },
  });
  return summary;
}
