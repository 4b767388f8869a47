// Lists the image files of an import folder, optionally recursing. Names are
// sorted so a re-run imports in the same order; hidden entries are skipped;
// every entry's real path (links resolved) must stay inside the import root,
// and a link that leaves it is reported, not followed.
import type { Dirent } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { isInside } from "./resolve-import-folder";

const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".jpe", ".png", ".webp", ".tif", ".tiff", ".gif", ".avif", ".heic", ".heif"]);

/** Whether a file name (or a zip entry's path) is one the importers try as a picture. */
export function isImageFileName(name: string): boolean {
  return IMAGE_EXTENSIONS.has(path.extname(name).toLowerCase());
}
const MAX_DEPTH = 16;

export type ImportFile = { relativePath: string; realPath: string } | { relativePath: string; problem: string };
export type ImportFileList = { files: ImportFile[]; skipped: number; truncated: boolean };

type Walk = { realRoot: string; recursive: boolean; maxFiles: number; visited: Set<string>; out: ImportFileList };

async function realTarget(walk: Walk, fullPath: string): Promise<{ realPath: string; isDirectory: boolean } | string> {
  try {
    const realPath = await fs.realpath(fullPath);
    if (!isInside({ root: walk.realRoot, candidate: realPath })) return "The file is a link to a place outside the import root; it was not read.";
    const stat = await fs.stat(realPath);
    if (!stat.isFile() && !stat.isDirectory()) return "Not a regular file.";
    return { realPath, isDirectory: stat.isDirectory() };
  } catch {
    return "The file could not be read (broken link or no permission).";
  }
}

async function visitEntry(walk: Walk, entry: Dirent, dir: string, relativeDir: string, depth: number): Promise<void> {
  const relativePath = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
  const fullPath = path.join(dir, entry.name);
  if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink()) return;
  const isImageName = isImageFileName(entry.name);
  if (entry.isFile() && !isImageName) {
    walk.out.skipped += 1;
    return;
  }
  if (entry.isDirectory() && !walk.recursive) return;
  const target = await realTarget(walk, fullPath);
  if (typeof target === "string") {
    // Report what the admin would expect imported: image names, and (when recursing) folders and links.
    if (isImageName || (walk.recursive && !entry.isFile())) walk.out.files.push({ relativePath, problem: target });
    return;
  }
  if (target.isDirectory) {
    if (walk.recursive) await walkDirectory(walk, target.realPath, relativePath, depth + 1);
    return;
  }
  if (!isImageName) {
    walk.out.skipped += 1;
    return;
  }
  if (walk.out.files.length >= walk.maxFiles) {
    walk.out.truncated = true;
    return;
  }
  walk.out.files.push({ relativePath, realPath: target.realPath });
}

async function walkDirectory(walk: Walk, realDir: string, relativeDir: string, depth: number): Promise<void> {
  // A link cycle or a very deep tree ends here instead of looping.
  if (depth > MAX_DEPTH || walk.visited.has(realDir)) return;
  walk.visited.add(realDir);
  const entries = (await fs.readdir(realDir, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (walk.out.truncated) return;
    await visitEntry(walk, entry, realDir, relativeDir, depth);
  }
}

export async function listImportFiles(options: {
  realRoot: string;
  realFolder: string;
  recursive: boolean;
  maxFiles: number;
}): Promise<ImportFileList> {
  const out: ImportFileList = { files: [], skipped: 0, truncated: false };
  const walk: Walk = { realRoot: options.realRoot, recursive: options.recursive, maxFiles: options.maxFiles, visited: new Set(), out };
  await walkDirectory(walk, options.realFolder, "", 0);
  return out;
}
