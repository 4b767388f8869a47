// The live (not deleted) objects of one image, for members of its project,
// in display order (bottom first).
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { annotationDtoSelect, toAnnotationDto } from "./annotation-dto";

export async function listImageAnnotations(options: { actor: Actor; imageId: string }): Promise<AnnotationDto[]> {
  const { actor, imageId } = options;
  const image = await db().image.findUnique({ where: { id: imageId }, select: { projectId: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  await requireProjectAccess({ actor, projectId: image.projectId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Image not found.");
    throw error;
  });
  const rows = await db().annotation.findMany({
    where: { imageId, deletedAt: null },
    select: annotationDtoSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const dtos = rows.map(toAnnotationDto);
  // prompt.order is the editor's display order; creation order breaks ties (stable sort).
  return dtos.sort((a, b) => (a.prompt?.order ?? 0) - (b.prompt?.order ?? 0));
}
