// A manager removes images from a project (wrong or private uploads), one or
// many at once: the image rows go, and with them (by cascade) their tasks,
// reviews and masks, in one transaction with an audit record per image.
// Refused as a whole while someone holds any of them under a live lease, so
// nobody's open editor loses its image mid-stroke: they finish, or a manager
// moves it back to the pool. Ids that are not (or no longer) in the project
// are reported back, not an error, so two managers cleaning up at once do not
// block each other; none at all found is "not found".
// Files and embeddings are content-addressed and may be shared with another
// project's copy of the same picture (or a finished export), so they stay;
// queued jobs for the images already skip a missing row.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { SQL_NOW } from "../tasks/task-sql";

export type DeletedImages = { projectId: string; deleted: { imageId: string; fileName: string; masks: number }[]; missingIds: string[] };

type Held = { stage: string; name: string | null; file_name: string };

function heldMessage(held: Held[]): string {
  const [first] = held;
  if (held.length === 1 && first) {
    return `${first.name ?? "Someone"} is ${first.stage === "review" ? "reviewing" : "labelling"} ${first.file_name} right now. Wait until they are done, or move it back to the pool from the Batches tab, then delete it.`;
  }
  const people = [...new Set(held.map((row) => row.name ?? "someone"))];
  const files = held.slice(0, 3).map((row) => row.file_name).join(", ");
  return `${people.join(", ")} ${people.length === 1 ? "is" : "are"} working on ${held.length} of these images right now (${files}${held.length > 3 ? ", …" : ""}). Wait until they are done, or leave those out, then delete.`;
}

export async function deleteImages(options: { actor: Actor; projectId: string; imageIds: string[] }): Promise<DeletedImages> {
  const { actor, projectId } = options;
  const imageIds = [...new Set(options.imageIds)];
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "delete images" });
  return db().$transaction(async (tx) => {
    const images = await tx.image.findMany({ where: { id: { in: imageIds }, projectId }, select: { id: true, fileName: true, sha256: true } });
    if (images.length === 0) throw new AppError("not_found", imageIds.length === 1 ? "Image not found." : "None of these images is in the project.");
    const ids = images.map((image) => image.id);
    // Locks the images' tasks, so a claim cannot start on them between this check and the delete.
    const held = await tx.$queryRaw<Held[]>`
      SELECT t.stage::text AS stage, u.name, i."fileName" AS file_name FROM "Task" t
      JOIN "Image" i ON i.id = t."imageId" LEFT JOIN "user" u ON u.id = t."assigneeId"
      WHERE t."imageId" IN (${Prisma.join(ids)}) AND t.status = 'in_progress' AND t."leaseExpiresAt" > ${SQL_NOW}
      ORDER BY i."fileName"
      FOR UPDATE OF t`;
    if (held.length > 0) throw new AppError("conflict", heldMessage(held));
    const masks = await tx.annotation.groupBy({ by: ["imageId"], where: { imageId: { in: ids }, deletedAt: null }, _count: { _all: true } });
    const maskCount = new Map(masks.map((row) => [row.imageId, row._count._all]));
    const removed = await tx.image.deleteMany({ where: { id: { in: ids }, projectId } });
    if (removed.count !== ids.length) throw new AppError("conflict", "Some of these images changed meanwhile; reload and try again.");
    const deleted = images.map((image) => ({ imageId: image.id, fileName: image.fileName, masks: maskCount.get(image.id) ?? 0 }));
    for (const image of images) {
      await recordAuditEvent({
        tx,
        actorId: actor.id,
        projectId,
        action: "image.delete",
        targetType: "image",
        targetId: image.id,
        data: { fileName: image.fileName, sha256: image.sha256, masks: maskCount.get(image.id) ?? 0 },
      });
    }
    const found = new Set(ids);
    return { projectId, deleted, missingIds: imageIds.filter((id) => !found.has(id)) };
  });
}
