// Finds every image a COCO file lists before anything is imported: in the
// uploaded zip or server folder, or else among the project's images (same
// file name), so pre-labels can also be imported for images already in the
// project. Files are inspected like any upload (type, decodability) and must
// have the size the COCO file gives, or the masks would not line up.
import path from "node:path";
import { db } from "../db/client";
import { AppError, isAppError } from "../errors/app-error";
import { inspectImageFile } from "../images/inspect-image-file";
import { sanitizeFileName } from "../images/sanitize-file-name";
import type { CocoImage } from "./coco-dataset-schema";
import type { ImageSource } from "./image-source";

export type ResolvedCocoImage = { coco: CocoImage } & ({ kind: "file" } | { kind: "existing"; imageId: string });

const MAX_LISTED_MISSING = 5;

function sizeMismatch(coco: CocoImage, width: number, height: number): AppError {
  return new AppError(
    "bad_request",
    `Image ${coco.id} (${coco.file_name}) is ${width}x${height} pixels but the COCO file says ${coco.width}x${coco.height}.`,
    { reason: "image_size_mismatch", imageId: coco.id, fileName: coco.file_name },
  );
}

export async function resolveCocoImages(options: { projectId: string; images: CocoImage[]; source: ImageSource | null }): Promise<ResolvedCocoImage[]> {
  const { projectId, images, source } = options;
  const existing = await db().image.findMany({ where: { projectId }, select: { id: true, fileName: true, width: true, height: true } });
  const byName = new Map<string, (typeof existing)[number] | null>();
  for (const image of existing) byName.set(image.fileName, byName.has(image.fileName) ? null : image);

  const resolved: ResolvedCocoImage[] = [];
  const missing: string[] = [];
  for (const coco of images) {
    if (source && (await source.has(coco.file_name))) {
      const bytes = await source.read(coco.file_name);
      const inspected = await inspectImageFile({ fileName: path.basename(coco.file_name), bytes }).catch((error: unknown) => {
        if (isAppError(error)) throw new AppError(error.code, `Image ${coco.id}: ${error.message}`, { reason: "bad_image", imageId: coco.id, fileName: coco.file_name });
        throw error;
      });
      if (inspected.width !== coco.width || inspected.height !== coco.height) throw sizeMismatch(coco, inspected.width, inspected.height);
      resolved.push({ coco, kind: "file" });
      continue;
    }
    const match = byName.get(sanitizeFileName({ fileName: coco.file_name }));
    if (match) {
      if (match.width !== coco.width || match.height !== coco.height) throw sizeMismatch(coco, match.width, match.height);
      resolved.push({ coco, kind: "existing", imageId: match.id });
      continue;
    }
    missing.push(coco.file_name);
  }
  if (missing.length > 0) {
    const where = source ? `in ${source.describe} or among the project's images` : "among the project's images (upload a zip of the images with the file)";
    const listed = missing.slice(0, MAX_LISTED_MISSING).join(", ") + (missing.length > MAX_LISTED_MISSING ? ` and ${missing.length - MAX_LISTED_MISSING} more` : "");
    throw new AppError("bad_request", `${missing.length} image(s) listed in the COCO file were not found ${where}: ${listed}.`, {
      reason: "missing_image",
      missing: missing.slice(0, 100),
    });
  }
  return resolved;
}
