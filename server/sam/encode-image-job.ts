// Background job: compute and store the SAM embedding of one image for one
// model. Identity is (model id, image SHA-256), so the same picture in two
// projects is encoded once. Idempotent: a job that finds the embedding done
// does nothing; one re-run after a crash rewrites the same file atomically
// and marks the row done once. A ready embedding (new, or found done for a
// copy of an already encoded picture) queues automatic pre-fill where the
// project wants it (server/prefill/queue-prefill-for-embedding.ts).
import { db } from "../db/client";
import { embeddingKeyFor, hasStoredFile, putEmbedding, readStoredBuffer } from "../storage/content-store";
import { queuePrefillForEmbedding } from "../prefill/queue-prefill-for-embedding";
import { compressEmbedding } from "./compress-embedding";
import { encodeImage } from "./encode-image";
import { encoderSessionFor } from "./encoder-sessions";

/** Pre-fill is extra: failing to queue it must not fail (and re-run) the encoding. */
async function queueAutoPrefill(options: { modelId: string; imageSha256: string }): Promise<void> {
  try {
    await queuePrefillForEmbedding(options);
  } catch (error) {
    console.error(`[encode] could not queue pre-fill for ${options.imageSha256.slice(0, 12)}:`, error instanceof Error ? error.message : error);
  }
}

export type EncodeImageJobResult = { status: "done" | "skipped"; byteSize: number; encodeMs?: number };

export async function runEncodeImageJob(options: { modelId: string; imageSha256: string; imageId: string }): Promise<EncodeImageJobResult> {
  const { modelId, imageSha256 } = options;
  const key = embeddingKeyFor({ modelId, imageSha256 });
  const existing = await db().embedding.findUnique({ where: { modelId_imageSha256: { modelId, imageSha256 } } });
  if (existing?.status === "done" && existing.storageKey && (await hasStoredFile(existing.storageKey))) {
    await queueAutoPrefill({ modelId, imageSha256 });
    return { status: "skipped", byteSize: existing.byteSize ?? 0 };
  }
  const image = await db().image.findFirst({ where: { sha256: imageSha256 }, select: { storageKey: true } });
  if (!image) return { status: "skipped", byteSize: 0 }; // every copy was deleted meanwhile
  await db().embedding.upsert({
    where: { modelId_imageSha256: { modelId, imageSha256 } },
    create: { modelId, imageSha256, status: "running", attempts: 1 },
    update: { status: "running", error: null, attempts: { increment: 1 } },
  });
  try {
    const started = performance.now();
    const encoder = await encoderSessionFor(modelId);
    const encoded = await encodeImage({ encoder, image: await readStoredBuffer(image.storageKey) });
    const bytes = await compressEmbedding({ data: encoded.embedding, dims: encoded.dims });
    await putEmbedding({ modelId, imageSha256, bytes });
    await db().embedding.update({
      where: { modelId_imageSha256: { modelId, imageSha256 } },
      data: { status: "done", storageKey: key, byteSize: bytes.byteLength, error: null },
    });
    const encodeMs = performance.now() - started;
    await queueAutoPrefill({ modelId, imageSha256 });
    return { status: "done", byteSize: bytes.byteLength, encodeMs };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db().embedding.update({
      where: { modelId_imageSha256: { modelId, imageSha256 } },
      data: { status: "failed", error: message.slice(0, 1000) },
    });
    throw error; // pg-boss retries; a later success marks the row done
  }
}
