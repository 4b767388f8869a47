// The stored SAM embedding of an image content for a model, decoded to
// float32 ([1,256,64,64]); null while it is not encoded yet.
import { decodeCompactEmbedding } from "@/lib/embedding/compact-embedding";
import { db } from "../db/client";
import { readStoredBuffer } from "../storage/content-store";

export async function readStoredEmbedding(options: { modelId: string; imageSha256: string }): Promise<Float32Array | null> {
  const row = await db().embedding.findUnique({
    where: { modelId_imageSha256: { modelId: options.modelId, imageSha256: options.imageSha256 } },
    select: { status: true, storageKey: true },
  });
  if (row?.status !== "done" || !row.storageKey) return null;
  return decodeCompactEmbedding(new Uint8Array(await readStoredBuffer(row.storageKey)));
}
