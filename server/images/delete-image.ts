// A manager removes an image from a project (a wrong or private upload): the
// image row goes, and with it (by cascade) its tasks, reviews and masks, in
// one transaction with an audit record of what was removed. Refused while
// someone holds the image under a live lease, so nobody's open editor loses
// its image mid-stroke: they finish, or a manager moves it back to the pool.
// Files and embeddings are content-addressed and may be shared with another
// project's copy of the same picture (or a finished export), so they stay;
// queued jobs for the image already skip a missing row.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { SQL_NOW } from "../tasks/task-sql";

export type DeletedImage = { imageId: string; projectId: string; fileName: string; masks: number };

export async function deleteImage(options: { actor: Actor; imageId: string }): Promise<DeletedImage> {
  const { actor, imageId } = options;
  const image = await db().image.findUnique({ where: { id: imageId }, select: { id: true, projectId: true, fileName: true, sha256: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  // A non-member gets the same "not found" as a missing image; members who are not managers are told why.
  await requireProjectAccess({ actor, projectId: image.projectId, roles: ["manager"], action: "delete images" }).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "Image not found.") : error;
  });
  return db().$transaction(async (tx) => {
    // Locks the image's tasks, so a claim cannot start on them between this check and the delete.
    const held = await tx.$queryRaw<{ stage: string; name: string | null }[]>`
      SELECT t.stage::text AS stage, u.name FROM "Task" t LEFT JOIN "user" u ON u.id = t."assigneeId"
      WHERE t."imageId" = ${imageId} AND t.status = 'in_progress' AND t."leaseExpiresAt" > ${SQL_NOW}
      FOR UPDATE OF t`;
    const holder = held[0];
    if (holder) {
      throw new AppError(
        "conflict",
        `${holder.name ?? "Someone"} is ${holder.stage === "review" ? "reviewing" : "labelling"} ${image.fileName} right now. Wait until they are done, or move it back to the pool from the Batches tab, then delete it.`,
      );
    }
    const masks = await tx.annotation.count({ where: { imageId, deletedAt: null } });
    const deleted = await tx.image.deleteMany({ where: { id: imageId } });
    if (deleted.count === 0) throw new AppError("not_found", "Image not found.");
    await recordAuditEvent({
      tx,
      actorId: actor.id,
      projectId: image.projectId,
      action: "image.delete",
      targetType: "image",
      targetId: imageId,
      data: { fileName: image.fileName, sha256: image.sha256, masks },
    });
    return { imageId, projectId: image.projectId, fileName: image.fileName, masks };
  });
}
