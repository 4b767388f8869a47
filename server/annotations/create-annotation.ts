// Creates one committed object. The id comes from the client so a retried
// request (lost response, offline outbox) is recognised: the same content
// under the same id answers 200 with the stored copy instead of a duplicate.
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { AnnotationDto, CreateAnnotationInput } from "@/lib/schemas/annotations";
import { assertEditingAllowed } from "./assert-editing-allowed";
import { annotationDtoSelect, toAnnotationDto, type AnnotationRow } from "./annotation-dto";
import { assertLabelInProject } from "./assert-label-in-project";
import { maskFieldsFromRle, type MaskFields } from "./mask-fields-from-rle";
import { publishAnnotationEvent } from "./publish-annotation-event";
import { resolveAttributeValues } from "./resolve-attribute-values";
import { versionConflict } from "./version-conflict";

export type CreateAnnotationResult = { status: "created" | "replayed"; annotation: AnnotationDto };

function isReplay(row: AnnotationRow, options: { actor: Actor; imageId: string; rleCounts: string; labelClassId: string | null }): boolean {
  return (
    row.imageId === options.imageId &&
    row.authorId === options.actor.id &&
    row.version === 1 &&
    row.deletedAt === null &&
    row.rleCounts === options.rleCounts &&
    row.labelClassId === options.labelClassId
  );
}

export async function createAnnotation(options: {
  actor: Actor;
  imageId: string;
  input: CreateAnnotationInput;
}): Promise<CreateAnnotationResult> {
  const { actor, imageId, input } = options;
  const { telemetry } = input;

  const existingAnswer = async (mask: MaskFields): Promise<CreateAnnotationResult> => {
    const existing = await db().annotation.findUnique({ where: { id: input.id }, select: annotationDtoSelect });
    if (!existing) throw new AppError("conflict", "The annotation id is taken; try again.");
    // Another image's or project's object is not revealed.
    if (existing.imageId !== imageId) throw new AppError("conflict", "The annotation id is already in use.");
    if (isReplay(existing, { actor, imageId, rleCounts: mask.rleCounts, labelClassId: input.labelClassId })) {
      return { status: "replayed", annotation: toAnnotationDto(existing) };
    }
    throw versionConflict(toAnnotationDto(existing));
  };

  // The lease check and the insert commit together (the task row stays locked
  // FOR SHARE until then); every read inside goes through `tx`.
  const outcome = await db().$transaction(async (tx) => {
    const { image } = await assertEditingAllowed({ actor, imageId, taskId: input.taskId, tx });
    await assertLabelInProject({ labelClassId: input.labelClassId, projectId: image.projectId, tx });
    if (input.originId) {
      const origin = await tx.annotation.count({ where: { id: input.originId, imageId } });
      if (!origin) throw new AppError("bad_request", "The origin annotation does not belong to this image.");
    }
    const mask = maskFieldsFromRle({ rle: input.rle, image });
    const attributes = await resolveAttributeValues({ tx, labelClassId: input.labelClassId, values: input.attributes ?? {} });
    // ON CONFLICT DO NOTHING: a retried request (or two racing copies of it)
    // finds the id taken without aborting the transaction.
    const { count } = await tx.annotation.createMany({
      data: {
        id: input.id,
        projectId: image.projectId,
        imageId,
        labelClassId: input.labelClassId,
        ...mask,
        source: input.source,
        originId: input.originId,
        modelId: telemetry.modelId,
        predictedIou: telemetry.predictedIou,
        stabilityScore: telemetry.stabilityScore,
        clicks: telemetry.clicks,
        secondsSpent: telemetry.secondsSpent,
        toolsUsed: telemetry.toolsUsed,
        prompt: input.prompt ?? Prisma.DbNull,
        attributes,
        authorId: actor.id,
      },
      skipDuplicates: true,
    });
    if (count === 0) return { created: null, mask };
    return { created: await tx.annotation.findUniqueOrThrow({ where: { id: input.id }, select: annotationDtoSelect }), mask };
  });
  if (!outcome.created) return existingAnswer(outcome.mask);
  const annotation = toAnnotationDto(outcome.created);
  publishAnnotationEvent({ annotation, actorId: actor.id });
  return { status: "created", annotation };
}
