// The compact SAM embedding of an image, for the browser decoder. Only
// members of the image's project get an answer; everybody else (and any
// unknown id) gets "Image not found.", so image ids reveal nothing.
//
// The embedding belongs to (project model, image content), not to the image
// row: the same picture in two projects with the same model shares one file.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError, isAppError } from "../errors/app-error";
import { ifNoneMatchHits } from "../http/etag-match";
import { openStoredStream } from "../storage/content-store";
import { embeddingEtag, embeddingStorageKey } from "./embedding-storage-key";

export type ImageEmbeddingRead =
  | { kind: "not_modified"; etag: string; modelId: string; imageSha256: string }
  | {
      kind: "ready";
      etag: string;
      modelId: string;
      imageSha256: string;
      stream: ReadableStream<Uint8Array>;
      byteSize: number;
    }
  /** No row yet means the encoder job is queued but has not started. */
  | { kind: "not_ready"; status: "pending" | "running"; modelId: string; imageSha256: string }
  | { kind: "failed"; error: string; modelId: string; imageSha256: string };

const notFound = () => new AppError("not_found", "Image not found.");

export async function readImageEmbedding(options: {
  actor: Actor;
  imageId: string;
  /** The request's If-None-Match header, answered before any file is opened. */
  ifNoneMatch?: string | null;
}): Promise<ImageEmbeddingRead> {
  const { actor, imageId } = options;
  const image = await db().image.findUnique({
    where: { id: imageId },
    select: { projectId: true, sha256: true, project: { select: { modelId: true } } },
  });
  if (!image) throw notFound();
  try {
    await requireProjectAccess({ actor, projectId: image.projectId });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") throw notFound();
    throw error;
  }

  const modelId = image.project.modelId;
  const imageSha256 = image.sha256;
  const row = await db().embedding.findUnique({
    where: { modelId_imageSha256: { modelId, imageSha256 } },
    select: { status: true, error: true, storageKey: true },
  });
  if (!row) return { kind: "not_ready", status: "pending", modelId, imageSha256 };
  if (row.status === "pending" || row.status === "running") {
    return { kind: "not_ready", status: row.status, modelId, imageSha256 };
  }
  if (row.status === "failed") {
    return { kind: "failed", error: row.error ?? "The encoder failed without a message.", modelId, imageSha256 };
  }

  // Embeddings never change for a (model, content) pair: the tag is a strong validator.
  const etag = embeddingEtag({ modelId, imageSha256 });
  if (ifNoneMatchHits(options.ifNoneMatch ?? null, etag)) return { kind: "not_modified", etag, modelId, imageSha256 };
  const key = row.storageKey ?? embeddingStorageKey({ modelId, imageSha256 });
  const { stream, byteSize } = await openStoredStream(key);
  return { kind: "ready", etag, modelId, imageSha256, stream, byteSize };
}
