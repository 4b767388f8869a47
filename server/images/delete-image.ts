// One image's delete (its card's button): finds the image's project, then the
// same all-or-nothing delete as a selection (see deleteImages).
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { deleteImages } from "./delete-images";

export type DeletedImage = { imageId: string; projectId: string; fileName: string; masks: number };

export async function deleteImage(options: { actor: Actor; imageId: string }): Promise<DeletedImage> {
  const { actor, imageId } = options;
  const image = await db().image.findUnique({ where: { id: imageId }, select: { projectId: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  // A non-member gets the same "not found" as a missing image; members who are not managers are told why.
  await requireProjectAccess({ actor, projectId: image.projectId, roles: ["manager"], action: "delete images" }).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "Image not found.") : error;
  });
  const result = await deleteImages({ actor, projectId: image.projectId, imageIds: [imageId] });
  const [deleted] = result.deleted;
  if (!deleted) throw new AppError("not_found", "Image not found.");
  return { imageId, projectId: image.projectId, fileName: deleted.fileName, masks: deleted.masks };
}
