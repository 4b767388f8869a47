// Updates one object with optimistic concurrency: the write names the version
// it is based on and only lands if that is still the stored version; else 409
// with the current copy. Updating a deleted object with its current version
// restores it (that is how "keep mine" answers a delete by someone else).
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { AnnotationDto, UpdateAnnotationInput } from "@/lib/schemas/annotations";
import { assertEditingAllowed } from "./assert-editing-allowed";
import { annotationDtoSelect, toAnnotationDto } from "./annotation-dto";
import { assertLabelInProject } from "./assert-label-in-project";
import { maskFieldsFromRle } from "./mask-fields-from-rle";
import { publishAnnotationEvent } from "./publish-annotation-event";
import { resolveAttributeValues } from "./resolve-attribute-values";
import { asRecord } from "@/lib/as-record";
import { versionConflict } from "./version-conflict";

/**
 * Server-side parts of a stored prompt that the editor never sees (the DTO
 * strips them) and so never sends back: a pre-fill's provenance block
 * (server/prefill/prefill-rows.ts). An edit keeps them.
 */
function keptPromptBlocks(stored: Prisma.JsonValue): { prefill?: Prisma.InputJsonValue } {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  const block = stored.prefill;
  return block !== undefined && block !== null ? { prefill: block } : {};
}

export async function updateAnnotation(options: {
  actor: Actor;
  annotationId: string;
  input: UpdateAnnotationInput;
}): Promise<AnnotationDto> {
  const { actor, annotationId, input } = options;
  const found = await db().annotation.findUnique({ where: { id: annotationId }, select: { imageId: true, prompt: true, labelClassId: true, attributes: true } });
  if (!found) throw new AppError("not_found", "Annotation not found.");
  const telemetry = input.telemetry;
  const row = await db().$transaction(async (tx) => {
    // The lease check commits together with the write (task row locked FOR SHARE until then).
    const { image } = await assertEditingAllowed({ actor, imageId: found.imageId, taskId: input.taskId, tx });
    if (input.labelClassId !== undefined) await assertLabelInProject({ labelClassId: input.labelClassId, projectId: image.projectId, tx });
    const mask = input.rle ? maskFieldsFromRle({ rle: input.rle, image }) : {};
    // Values follow the class: sent ones are checked; kept ones lose what a new class does not define.
    const attributes =
      input.attributes !== undefined || input.labelClassId !== undefined
        ? await resolveAttributeValues({ tx, labelClassId: input.labelClassId !== undefined ? input.labelClassId : found.labelClassId, values: input.attributes ?? asRecord(found.attributes) })
        : undefined;
    const data: Prisma.AnnotationUpdateManyMutationInput = {
      ...mask,
      ...(input.labelClassId !== undefined ? { labelClassId: input.labelClassId } : {}),
      ...(attributes !== undefined ? { attributes } : {}),
      ...(telemetry
        ? {
            clicks: telemetry.clicks,
            secondsSpent: telemetry.secondsSpent,
            toolsUsed: telemetry.toolsUsed,
            modelId: telemetry.modelId,
            predictedIou: telemetry.predictedIou,
            stabilityScore: telemetry.stabilityScore,
          }
        : {}),
      ...(input.prompt !== undefined ? { prompt: input.prompt ? { ...input.prompt, ...keptPromptBlocks(found.prompt) } : Prisma.DbNull } : {}),
      // The last writer is the author of the current pixels (a reviewer's correction is theirs).
      authorId: actor.id,
      deletedAt: null,
      version: { increment: 1 },
    };
    // The version in the WHERE makes check-and-write one atomic statement.
    const { count } = await tx.annotation.updateMany({ where: { id: annotationId, version: input.version }, data });
    const current = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationDtoSelect });
    return { updated: count === 1, current };
  });
  const annotation = toAnnotationDto(row.current);
  if (!row.updated) throw versionConflict(annotation);
  publishAnnotationEvent({ annotation, actorId: actor.id });
  return annotation;
}
