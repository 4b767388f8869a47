// Database row -> the JSON every annotation route answers with
// (lib/schemas/annotations.ts annotationDto).
import { annotationPrompt, type AnnotationDto } from "@/lib/schemas/annotations";
import type { Prisma } from "../db/generated/client";
import { asRecord } from "@/lib/as-record";

export const annotationDtoSelect = {
  id: true,
  projectId: true,
  imageId: true,
  labelClassId: true,
  rleCounts: true,
  maskHeight: true,
  maskWidth: true,
  bbox: true,
  area: true,
  source: true,
  originId: true,
  clicks: true,
  secondsSpent: true,
  toolsUsed: true,
  modelId: true,
  predictedIou: true,
  stabilityScore: true,
  prompt: true,
  attributes: true,
  authorId: true,
  version: true,
  deletedAt: true,
  updatedAt: true,
} satisfies Prisma.AnnotationSelect;

/** Stored values as JSON; anything not a name -> yes/no, text or number is left out. */
function storedAttributeValues(stored: Prisma.JsonValue): Record<string, boolean | string | number> {
  const values: Record<string, boolean | string | number> = {};
  for (const [name, value] of Object.entries(asRecord(stored))) {
    if (typeof value === "boolean" || typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) values[name] = value;
  }
  return values;
}

export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationDtoSelect }>;

export function toAnnotationDto(row: AnnotationRow): AnnotationDto {
  // Imported or pre-filled rows may carry prompts in another shape: not ours to show.
  const prompt = row.prompt === null ? null : annotationPrompt.safeParse(row.prompt);
  const [x = 0, y = 0, w = 0, h = 0] = row.bbox;
  return {
    id: row.id,
    projectId: row.projectId,
    imageId: row.imageId,
    labelClassId: row.labelClassId,
    rle: { size: [row.maskHeight, row.maskWidth], counts: row.rleCounts },
    bbox: [x, y, w, h],
    area: row.area,
    source: row.source,
    originId: row.originId,
    telemetry: {
      clicks: row.clicks,
      secondsSpent: row.secondsSpent,
      toolsUsed: row.toolsUsed,
      modelId: row.modelId,
      predictedIou: row.predictedIou,
      stabilityScore: row.stabilityScore,
    },
    prompt: prompt && prompt.success ? prompt.data : null,
    attributes: storedAttributeValues(row.attributes),
    authorId: row.authorId,
    version: row.version,
    deleted: row.deletedAt !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
