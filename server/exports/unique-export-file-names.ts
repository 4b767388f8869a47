// File names inside an export: one per image, unique by stem (case-insensitive),
// because YOLO labels and PNG masks are named after the image's stem and two
// images may share a name (or differ only in extension) within a project.
import path from "node:path";
import { sanitizeFileName } from "../images/sanitize-file-name";

export function uniqueExportFileNames(options: { fileNames: readonly string[] }): string[] {
  const taken = new Set<string>();
  return options.fileNames.map((original) => {
    const clean = sanitizeFileName({ fileName: original, fallback: "image" });
    const ext = path.extname(clean);
    const stem = clean.slice(0, clean.length - ext.length) || "image";
    let candidate = stem;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}_${n}`;
    taken.add(candidate.toLowerCase());
    return candidate + ext;
  });
}

export function fileStem(fileName: string): string {
  const ext = path.extname(fileName);
  return fileName.slice(0, fileName.length - ext.length);
}
