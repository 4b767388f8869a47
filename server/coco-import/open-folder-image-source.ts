// The images of a COCO import, from a folder under MASKWRIGHT_IMPORT_ROOT
// (admins only, checked by the caller). Each file_name is resolved inside the
// folder and its real path (links resolved) must stay inside the import root;
// the file is then opened without following a link swapped in since.
import { constants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { appConfig } from "../config/app-config";
import { AppError } from "../errors/app-error";
import { isInside, resolveImportFolder } from "../images/resolve-import-folder";
import type { ImageSource } from "./image-source";

export async function openFolderImageSource(options: { folder: string; maxFileBytes: number }): Promise<ImageSource> {
  const resolved = await resolveImportFolder({ importRoot: appConfig().importRoot, folder: options.folder });
  const locate = async (fileName: string): Promise<string | null> => {
    // file_name was already checked for ".." and absolute paths; try it as given, then its bare name.
    for (const candidate of [fileName, path.basename(fileName)]) {
      const full = path.resolve(resolved.realFolder, candidate);
      const real = await fs.realpath(full).catch(() => null);
      if (!real) continue;
      if (!isInside({ root: resolved.realRoot, candidate: real })) {
        throw new AppError("forbidden", `${fileName}: The file is a link to a place outside the import root.`, { reason: "folder_escape", fileName });
      }
      return real;
    }
    return null;
  };
  return {
    describe: `the folder ${resolved.relative}`,
    async has(fileName) {
      return (await locate(fileName)) !== null;
    },
    async read(fileName) {
      const real = await locate(fileName);
      if (!real) throw new AppError("bad_request", `${fileName}: Not found in the folder.`, { reason: "missing_image", fileName });
      // A user's import folder, known only at run time: not a build input to trace.
      const handle = await fs.open(/* turbopackIgnore: true */ real, constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        const stat = await handle.stat();
        if (!stat.isFile()) throw new AppError("bad_request", `${fileName}: Not a regular file.`, { reason: "missing_image", fileName });
        if (stat.size > options.maxFileBytes) throw new AppError("payload_too_large", `${fileName}: The file is larger than the upload limit.`, { fileName });
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },
    close() {},
  };
}
