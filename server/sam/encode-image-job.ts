// Background job: compute and store the SAM embedding of one image for one
// model. Identity is (model id, image SHA-256), so the same picture in two
// projects is encoded once. Idempotent: a job that finds the embedding done
// does nothing; one re-run after a crash rewrites the same file atomically
// and marks the row done once.
import { db } from "../db/client";
import { embeddingKeyFor, hasStoredFile, putEmbedding, readStoredBuffer } from "../storage/content-store";
import { compressEmbedding } from "./compress-embedding";
import { encodeImage } from "./encode-image";
import { encoderSessionFor } from "./encoder-sessions";

export type EncodeImageJobResult = { status: "done" | "skipped"; byteSize: number; encodeMs?: number };

export async function runEncodeImageJob(options: { modelId: string; imageSha256: string; imageId: string }): Promise<EncodeImageJobResult> {
  const { modelId, imageSha256 } = options;
  const key = embeddingKeyFor({ modelId, imageSha256 });
  const existing = await db().embedding.findUnique({ where: { modelId_imageSha256: { modelId, imageSha256 } } });
  if (existing?.status === "done" && existing.storageKey && (await hasStoredFile(existing.storageKey))) {
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
    return { status: "done", byteSize: bytes.byteLength, encodeMs: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db().embedding.update({
      where: { modelId_imageSha256: { modelId, imageSha256 } },
      data: { status: "failed", error: message.slice(0, 1000) },
    });
    throw error; // pg-boss retries; a later success marks the row done
  }
}
