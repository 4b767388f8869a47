// Maps an admin-supplied folder to a real directory inside the import root.
// The root is the only part of the server's file system folder import may
// read, so every way out is refused: absolute paths elsewhere, `..` segments,
// and symlinks (checked on real paths, after the OS has resolved every link).
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors/app-error";

export type ImportFolder = { realRoot: string; realFolder: string; relative: string };

export function isInside(options: { root: string; candidate: string }): boolean {
  const relative = path.relative(options.root, options.candidate);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

export async function resolveImportFolder(options: { importRoot: string | null; folder: string }): Promise<ImportFolder> {
  const { importRoot, folder } = options;
  if (!importRoot) throw new AppError("forbidden", "Folder import is disabled: set MASKWRIGHT_IMPORT_ROOT");
  if (folder.includes("\0")) throw new AppError("bad_request", "The folder path contains a NUL character.");
  // Refused outright rather than normalised: a path that needs `..` is a mistake or a probe.
  if (folder.split(/[/\\]/).includes("..")) {
    throw new AppError("forbidden", `The folder "${folder}" contains "..": give a path inside the import root.`);
  }
  const root = path.resolve(importRoot);
  const requested = path.isAbsolute(folder) ? path.resolve(folder) : path.resolve(root, folder);
  if (!isInside({ root, candidate: requested })) {
    throw new AppError("forbidden", `The folder "${folder}" is outside the import root (${root}).`);
  }

  const realRoot = await fs.realpath(root).catch(() => {
    throw new AppError("bad_request", `The import root (${root}) does not exist.`);
  });
  const realFolder = await fs.realpath(requested).catch(() => {
    throw new AppError("not_found", `The folder "${folder}" does not exist under the import root.`);
  });
  if (!isInside({ root: realRoot, candidate: realFolder })) {
    throw new AppError("forbidden", `The folder "${folder}" is a link to a place outside the import root.`);
  }
  if (!(await fs.stat(realFolder)).isDirectory()) {
    throw new AppError("bad_request", `"${folder}" is a file, not a folder.`);
  }
  return { realRoot, realFolder, relative: path.relative(realRoot, realFolder) || "." };
}
