// The masks a reviewer judges: the image's live annotations, with their label
// and author, as COCO RLE for the browser to draw.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";

export type ReviewAnnotation = {
  id: string;
  rleCounts: string;
  maskHeight: number;
  maskWidth: number;
  bbox: number[];
  area: number;
  label: { id: string; name: string; color: string } | null;
  author: { id: string; name: string } | null;
  updatedAt: string;
};

export async function listReviewAnnotations(options: { actor: Actor; imageId: string }): Promise<ReviewAnnotation[]> {
  const image = await db().image.findUnique({ where: { id: options.imageId }, select: { projectId: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  await requireProjectAccess({ actor: options.actor, projectId: image.projectId }).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "Image not found.") : error;
  });
  const rows = await db().annotation.findMany({
    where: { imageId: options.imageId, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, rleCounts: true, maskHeight: true, maskWidth: true, bbox: true, area: true, authorId: true, updatedAt: true, labelClass: { select: { id: true, name: true, color: true } } },
  });
  const authors = new Map(
    (await db().user.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.authorId).filter((id): id is string => id !== null))] } }, select: { id: true, name: true } })).map((user) => [user.id, user]),
  );
  return rows.map((row) => ({
    id: row.id,
    rleCounts: row.rleCounts,
    maskHeight: row.maskHeight,
    maskWidth: row.maskWidth,
    bbox: row.bbox,
    area: row.area,
    label: row.labelClass,
    author: row.authorId ? (authors.get(row.authorId) ?? null) : null,
    updatedAt: row.updatedAt.toISOString(),
  }));
}
