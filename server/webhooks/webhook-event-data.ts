// The parts of webhook payloads that several events share, with absolute
// URLs a script can call with an API token.
import type { Prisma } from "../db/generated/client";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";

function absolute(path: string): string {
  return `${appConfig().publicUrl.replace(/\/+$/, "")}${path}`;
}

export async function webhookImageData(options: { imageId: string; tx?: Prisma.TransactionClient }) {
  const image = await (options.tx ?? db()).image.findUnique({ where: { id: options.imageId }, select: { id: true, fileName: true, width: true, height: true } });
  return {
    id: options.imageId,
    fileName: image?.fileName ?? null,
    width: image?.width ?? null,
    height: image?.height ?? null,
    fileUrl: absolute(`/api/images/${options.imageId}/file`),
    annotationsUrl: absolute(`/api/images/${options.imageId}/annotations`),
  };
}

export function webhookExportData(row: { id: string; format: string; status: string; byteSize: number | null; error: string | null; expiresAt: Date | null }) {
  return {
    exportId: row.id,
    format: row.format,
    status: row.status,
    byteSize: row.byteSize,
    error: row.error,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    statusUrl: absolute(`/api/exports/${row.id}`),
    downloadUrl: row.status === "done" ? absolute(`/api/exports/${row.id}/download`) : null,
  };
}

export function webhookPerson(actor: { id: string; name: string; email: string }) {
  return { id: actor.id, name: actor.name, email: actor.email };
}

/** What review.accepted and review.rejected both say: the two tasks, the image, who reviewed and whose work it was. */
export async function webhookReviewData(options: {
  tx: Prisma.TransactionClient;
  reviewTaskId: string;
  annotate: { id: string; lastAnnotatorId: string | null };
  imageId: string;
  reviewer: { id: string; name: string; email: string };
}) {
  return {
    reviewTaskId: options.reviewTaskId,
    taskId: options.annotate.id,
    image: await webhookImageData({ imageId: options.imageId, tx: options.tx }),
    reviewer: webhookPerson(options.reviewer),
    annotatorId: options.annotate.lastAnnotatorId,
  };
}

/** The page a reminder about a project's batches points at. */
export function webhookBatchesUrl(projectId: string): string {
  return absolute(`/projects/${projectId}/batches`);
}
