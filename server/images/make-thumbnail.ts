// Job handler: a 320 px (longest side) WebP thumbnail per image, and the
// picture's difference hash (near-duplicate checks) taken from it. Jobs are
// at-least-once, so this is idempotent: an image that already has both is
// skipped, and thumbnails are stored by content hash, so the same picture in
// two projects is rendered once.
import sharp from "sharp";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { hasStoredFile, putThumbnail, readStoredBuffer, thumbnailKeyFor } from "../storage/content-store";
import { computeDhashes } from "./compute-dhash";

export const THUMBNAIL_MAX_SIDE = 320;

export type MakeThumbnailResult =
  | { status: "created"; thumbnailKey: string }
  | { status: "skipped"; reason: "already_done" | "image_deleted"; thumbnailKey?: string };

export async function makeThumbnail(options: { imageId: string }): Promise<MakeThumbnailResult> {
  const image = await db().image.findUnique({
    where: { id: options.imageId },
    select: { id: true, sha256: true, storageKey: true, thumbnailKey: true, dhash: true, dhashTurned: true },
  });
  // Deleted after the job was queued: nothing to do, and retrying cannot help.
  if (!image) return { status: "skipped", reason: "image_deleted" };
  if (image.thumbnailKey && (await hasStoredFile(image.thumbnailKey))) {
    // Made before images had (both) hashes: add them from the stored thumbnail.
    if (!image.dhash || !image.dhashTurned) await db().image.updateMany({ where: { id: image.id }, data: await computeDhashes(await readStoredBuffer(image.thumbnailKey)) });
    return { status: "skipped", reason: "already_done", thumbnailKey: image.thumbnailKey };
  }

  const key = thumbnailKeyFor(image.sha256);
  let thumbnail: Buffer;
  if (await hasStoredFile(key)) {
    // Rendered already for the same picture in another project.
    thumbnail = await readStoredBuffer(key);
  } else {
    const original = await readStoredBuffer(image.storageKey);
    thumbnail = await sharp(original, { limitInputPixels: appConfig().maxImagePixels })
      .rotate() // apply EXIF orientation, matching the recorded width/height
      .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    await putThumbnail({ sha256: image.sha256, bytes: thumbnail });
  }
  const hashes = await computeDhashes(thumbnail);
  // updateMany: no error if the image was deleted while we rendered.
  await db().image.updateMany({ where: { id: image.id }, data: { thumbnailKey: key, ...hashes } });
  return { status: "created", thumbnailKey: key };
}
