// Streams an image's original bytes or its thumbnail to any member of the
// image's project. Everyone else gets "not found", the same answer as for an
// image that does not exist, so image ids reveal nothing.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError, isAppError } from "../errors/app-error";
import { openStoredStream } from "../storage/content-store";

export type ImageFileVariant = "original" | "thumbnail";

export type ImageFileStream = { stream: ReadableStream<Uint8Array>; mime: string; etag: string; byteSize: number };

const notFound = () => new AppError("not_found", "Image not found.");

export async function readImageFile(options: {
  actor: Actor;
  imageId: string;
  variant: ImageFileVariant;
}): Promise<ImageFileStream> {
  const { actor, imageId, variant } = options;
  const image = await db().image.findUnique({
    where: { id: imageId },
    select: { projectId: true, sha256: true, mime: true, storageKey: true, thumbnailKey: true },
  });
  if (!image) throw notFound();
  try {
    await requireProjectAccess({ actor, projectId: image.projectId });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") throw notFound();
    throw error;
  }

  if (variant === "thumbnail" && !image.thumbnailKey) {
    throw new AppError("not_found", "The thumbnail is not ready yet.", { thumbnailReady: false });
  }
  const key = variant === "thumbnail" ? (image.thumbnailKey ?? "") : image.storageKey;
  const { stream, byteSize } = await openStoredStream(key);
  // Bytes under a key never change (content-addressed), so the hash is a strong validator.
  return { stream, mime: variant === "thumbnail" ? "image/webp" : image.mime, etag: `"${image.sha256}"`, byteSize };
}
