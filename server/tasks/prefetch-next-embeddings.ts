// When an annotator claims an image, the next images of their queue jump the
// encoder queue, so "submit -> next image" opens with its embedding ready.
// The encoder job is idempotent per (model, sha256): a duplicate send is a
// cheap no-op in the worker, but we still avoid re-sending the same image on
// every claim while it waits (a short per-process memory).
import { db } from "../db/client";
import { enqueueJob } from "../jobs/queue";
import { JOBS } from "../jobs/job-names";

export const PREFETCH_COUNT = 3;
export const PREFETCH_PRIORITY = 10;
const RESEND_AFTER_MS = 5 * 60_000;
const recentlySent = new Map<string, number>();

type NextImage = { imageId: string; sha256: string; modelId: string };

/** The actor's next open tasks in claim order (without locking), whose embedding is not done. */
async function findNextImagesWithoutEmbedding(options: { projectId: string; actorId: string; currentImageId: string | null; count: number }) {
  return db().$queryRaw<NextImage[]>`
    SELECT i.id AS "imageId", i.sha256, p."modelId"
    FROM "Task" t
    JOIN "Batch" b ON b.id = t."batchId"
    JOIN "Image" i ON i.id = t."imageId"
    JOIN "Project" p ON p.id = t."projectId"
    LEFT JOIN "Embedding" e ON e."modelId" = p."modelId" AND e."imageSha256" = i.sha256
    WHERE t."projectId" = ${options.projectId} AND t.stage = 'annotate'
      AND t.status IN ('todo', 'rejected') AND (t."assigneeId" IS NULL OR t."assigneeId" = ${options.actorId})
      AND (e.status IS NULL OR e.status = 'pending')
      AND i.id IS DISTINCT FROM ${options.currentImageId}
    ORDER BY (t."assigneeId" IS NOT DISTINCT FROM ${options.actorId}) DESC, (t.status = 'rejected') DESC,
      b.priority DESC, t.priority DESC, t."createdAt" ASC, t.id ASC
    LIMIT ${options.count}`;
}

async function currentImageIfNotEncoded(imageId: string): Promise<NextImage[]> {
  return db().$queryRaw<NextImage[]>`
    SELECT i.id AS "imageId", i.sha256, p."modelId" FROM "Image" i
    JOIN "Project" p ON p.id = i."projectId"
    LEFT JOIN "Embedding" e ON e."modelId" = p."modelId" AND e."imageSha256" = i.sha256
    WHERE i.id = ${imageId} AND (e.status IS NULL OR e.status = 'pending')`;
}

/** Returns the image ids it queued (for tests and logs). */
export async function prefetchNextEmbeddings(options: { projectId: string; actorId: string; currentImageId: string | null; count?: number }): Promise<string[]> {
  const count = options.count ?? PREFETCH_COUNT;
  const [current, next] = await Promise.all([
    // The image just claimed is needed right now; it goes first.
    options.currentImageId ? currentImageIfNotEncoded(options.currentImageId) : Promise.resolve([]),
    findNextImagesWithoutEmbedding({ ...options, count }),
  ]);
  const now = Date.now();
  const sent: string[] = [];
  for (const image of [...current, ...next]) {
    const key = `${image.modelId}:${image.sha256}`;
    const last = recentlySent.get(key);
    if (last !== undefined && now - last < RESEND_AFTER_MS) continue;
    recentlySent.set(key, now);
    await enqueueJob(JOBS.encodeImage, { modelId: image.modelId, imageSha256: image.sha256, imageId: image.imageId }, { priority: PREFETCH_PRIORITY });
    sent.push(image.imageId);
  }
  if (recentlySent.size > 10_000) for (const [key, at] of recentlySent) if (now - at >= RESEND_AFTER_MS) recentlySent.delete(key);
  return sent;
}

/** Test hook: forget what was sent, so a test sees a fresh process. */
export function resetPrefetchMemory(): void {
  recentlySent.clear();
}
