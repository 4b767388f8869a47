// Editor objects <-> the annotation routes' JSON (lib/schemas/annotations.ts).
// RLE is COCO compressed counts (lib/mask, bit-exact with pycocotools).
import type { CocoRle } from "@/lib/mask";
import { TOOL_NAMES, type AnnotationDto, type AnnotationPrompt, type AnnotationTelemetry, type ToolName } from "@/lib/schemas/annotations";
import type { AttributeValues } from "@/lib/schemas/label-attributes";
import { compactMaskFromRle, maskRle } from "./compact-mask";
import type { EditorObject } from "./types";

function isToolName(value: string): value is ToolName {
  return (TOOL_NAMES as readonly string[]).includes(value);
}

export function objectFromDto(dto: AnnotationDto): EditorObject {
  const prompt = dto.prompt;
  return {
    id: dto.id,
    labelClassId: dto.labelClassId,
    mask: compactMaskFromRle(dto.rle),
    source: dto.source,
    originId: dto.originId,
    version: dto.version,
    hidden: false,
    order: prompt?.order ?? 0,
    telemetry: {
      secondsSpent: dto.telemetry.secondsSpent,
      clicks: dto.telemetry.clicks,
      toolsUsed: dto.telemetry.toolsUsed.filter(isToolName),
      modelId: dto.telemetry.modelId,
      predictedIou: dto.telemetry.predictedIou,
      stabilityScore: dto.telemetry.stabilityScore,
    },
    prompt: prompt ? { points: prompt.points, box: prompt.box, candidate: prompt.candidate } : null,
    attributes: dto.attributes,
  };
}

export function telemetryPayload(object: EditorObject): AnnotationTelemetry {
  const t = object.telemetry;
  return {
    clicks: Math.round(t.clicks),
    // Milliseconds are noise for this statistic; keep two decimals.
    secondsSpent: Math.round(t.secondsSpent * 100) / 100,
    toolsUsed: [...t.toolsUsed],
    modelId: t.modelId,
    predictedIou: t.predictedIou,
    stabilityScore: t.stabilityScore,
  };
}

export function promptPayload(object: EditorObject): AnnotationPrompt {
  return {
    points: object.prompt ? [...object.prompt.points] : [],
    box: object.prompt?.box ?? null,
    candidate: object.prompt?.candidate ?? null,
    order: object.order,
  };
}

/** Everything a save sends about an object (the route adds bbox and area from the mask). */
export interface ObjectPayload {
  labelClassId: string | null;
  rle: CocoRle;
  source: EditorObject["source"];
  originId: string | null;
  telemetry: AnnotationTelemetry;
  prompt: AnnotationPrompt;
  /** Absent in outbox entries written before attributes existed: then none. */
  attributes?: AttributeValues;
}

export function objectPayload(object: EditorObject): ObjectPayload {
  return {
    labelClassId: object.labelClassId,
    rle: maskRle(object.mask),
    source: object.source,
    originId: object.originId,
    telemetry: telemetryPayload(object),
    prompt: promptPayload(object),
    attributes: object.attributes ?? {},
  };
}

/** The object a payload describes (restoring unsaved work from the outbox after a reload). */
export function objectFromPayload(options: { id: string; payload: ObjectPayload; version: number }): EditorObject {
  const { id, payload, version } = options;
  return {
    id,
    labelClassId: payload.labelClassId,
    mask: compactMaskFromRle(payload.rle),
    source: payload.source,
    originId: payload.originId,
    version,
    hidden: false,
    order: payload.prompt.order,
    telemetry: { ...payload.telemetry, toolsUsed: payload.telemetry.toolsUsed.filter(isToolName) },
    prompt: { points: payload.prompt.points, box: payload.prompt.box, candidate: payload.prompt.candidate },
    attributes: payload.attributes ?? {},
  };
}
