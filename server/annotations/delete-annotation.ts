// Deletes one object (soft: deletedAt, version + 1) with the same optimistic
// concurrency as updates, so a delete never erases an edit it has not seen.
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { assertEditingAllowed } from "./assert-editing-allowed";
import { annotationDtoSelect, toAnnotationDto } from "./annotation-dto";
import { publishAnnotationEvent } from "./publish-annotation-event";
import { versionConflict } from "./version-conflict";

export async function deleteAnnotation(options: {
  actor: Actor;
  annotationId: string;
  version: number;
  taskId?: string | null;
}): Promise<AnnotationDto> {
  const { actor, annotationId, version } = options;
  const found = await db().annotation.findUnique({ where: { id: annotationId }, select: { imageId: true } });
  if (!found) throw new AppError("not_found", "Annotation not found.");
  const row = await db().$transaction(async (tx) => {
    // The lease check commits together with the write (task row locked FOR SHARE until then).
    await assertEditingAllowed({ actor, imageId: found.imageId, taskId: options.taskId, tx });
    const current = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationDtoSelect });
    // Deleting what is already deleted, at the version the client saw deleted, is a harmless retry.
    if (current.deletedAt !== null && current.version === version) return { deleted: false, replay: true, current };
    const { count } = await tx.annotation.updateMany({
      where: { id: annotationId, version, deletedAt: null },
      data: { deletedAt: new Date(), authorId: actor.id, version: { increment: 1 } },
    });
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationDtoSelect });
    return { deleted: count === 1, replay: false, current: after };
  });
  const annotation = toAnnotationDto(row.current);
  if (row.replay) return annotation;
  if (!row.deleted) throw versionConflict(annotation);
  publishAnnotationEvent({ annotation, actorId: actor.id });
  return annotation;
}
