// Queues pre-fill jobs for a project's images (managers and admins only).
// By default only images nobody has started labelling: no annotate task in
// progress or done, and no masks yet. `imageIds` picks images explicitly
// (still skipping any whose pre-fill was already acted on: the job checks).
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { findUnstartedImages, queuePrefillJobs } from "./queue-prefill-jobs";

export async function startProjectPrefill(options: { actor: Actor; projectId: string; imageIds?: string[] }): Promise<{ queued: number }> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "pre-fill images" });
  let imageIds: string[];
  if (options.imageIds) {
    const found = await db().image.findMany({ where: { projectId, id: { in: options.imageIds } }, select: { id: true } });
    if (found.length !== new Set(options.imageIds).size) throw new AppError("bad_request", "Some of the images do not belong to this project.");
    imageIds = found.map((image) => image.id);
  } else {
    imageIds = await findUnstartedImages({ projectId });
  }
  await queuePrefillJobs({ imageIds });
  await recordAuditEvent({ actorId: actor.id, projectId, action: "prefill.start", targetType: "project", targetId: projectId, data: { images: imageIds.length } });
  return { queued: imageIds.length };
}
