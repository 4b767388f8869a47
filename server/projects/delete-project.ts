// A manager (or an admin) deletes a whole project: its images, tasks, reviews,
// masks, batches, label classes and memberships go by cascade, its exports and
// detector versions (no foreign key: they outlive a deleted batch) with them,
// all in one transaction with an audit record naming what went. The caller
// must type the project's name, as a guard against the wrong tab.
// Refused while anyone else holds one of its images under a live lease, so no
// open editor loses its image mid-stroke.
// After the commit, the project's export archives and detector weights are
// removed from disk (best effort: a leftover file is unreachable, not wrong).
// Originals, thumbnails and embeddings are content-addressed and may be shared
// with another project's copy, so they stay, as when one image is deleted.
// Queued jobs find their rows gone and skip. Pages still open on the project
// hear "project:deleted" and say so.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { publishEvent } from "../realtime/publish-event";
import { projectRoom } from "../realtime/socket-server";
import { deleteStoredFile } from "../storage/content-store";
import { SQL_NOW } from "../tasks/task-sql";

export type ProjectDeletedEvent = { projectId: string; name: string; by: string };

export type DeletedProject = { projectId: string; name: string; images: number; masks: number };

export async function deleteProject(options: { actor: Actor; projectId: string; confirmName: string }): Promise<DeletedProject> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "delete the project" });
  const { deleted, fileKeys } = await db().$transaction(async (tx) => {
    const project = await tx.project.findUnique({ where: { id: projectId }, select: { name: true } });
    if (!project) throw new AppError("not_found", "Project not found.");
    if (options.confirmName.trim() !== project.name.trim()) {
      throw new AppError("bad_request", `Type the project's name, "${project.name}", to delete it.`, { field: "confirmName" });
    }
    // Locks the project's held tasks, so a claim cannot start between this check and the delete.
    const held = await tx.$queryRaw<{ name: string | null; file_name: string }[]>`
      SELECT u.name, i."fileName" AS file_name FROM "Task" t
      JOIN "Image" i ON i.id = t."imageId" LEFT JOIN "user" u ON u.id = t."assigneeId"
      WHERE t."projectId" = ${projectId} AND t.status = 'in_progress' AND t."leaseExpiresAt" > ${SQL_NOW}
        AND t."assigneeId" IS DISTINCT FROM ${actor.id}
      ORDER BY t."leaseExpiresAt" DESC
      FOR UPDATE OF t`;
    if (held.length > 0) {
      const people = [...new Set(held.map((row) => row.name ?? "someone"))];
      throw new AppError(
        "conflict",
        `${people.join(", ")} ${people.length === 1 ? "is" : "are"} working on ${held.length === 1 ? held[0]!.file_name : `${held.length} of its images`} right now. Wait until they are done, or remove them from the project (their images go back to the pool), then delete it.`,
      );
    }
    // One statement at a time: a transaction holds one connection.
    const images = await tx.image.count({ where: { projectId } });
    const masks = await tx.annotation.count({ where: { projectId, deletedAt: null } });
    const exports = await tx.export.findMany({ where: { projectId }, select: { storageKey: true } });
    const versions = await tx.detectorVersion.findMany({ where: { projectId }, select: { weightsKey: true } });
    await tx.export.deleteMany({ where: { projectId } });
    await tx.detectorVersion.deleteMany({ where: { projectId } });
    await tx.project.delete({ where: { id: projectId } });
    await recordAuditEvent({
      tx,
      actorId: actor.id,
      projectId,
      action: "project.delete",
      targetType: "project",
      targetId: projectId,
      data: { name: project.name, images, masks, exports: exports.length, detectorVersions: versions.length },
    });
    const keys = [...exports.map((e) => e.storageKey), ...versions.map((v) => v.weightsKey)].filter((key): key is string => key !== null);
    return { deleted: { projectId, name: project.name, images, masks }, fileKeys: keys };
  });
  publishEvent({ rooms: [projectRoom(projectId)], event: "project:deleted", payload: { projectId, name: deleted.name, by: actor.name } satisfies ProjectDeletedEvent });
  for (const key of fileKeys) {
    await deleteStoredFile(key).catch((error: unknown) => console.error(`[projects] could not remove ${key} of deleted project ${projectId}:`, error));
  }
  return deleted;
}
