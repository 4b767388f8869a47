// HTTP contracts of the annotation routes, shared by the route handlers, the
// server functions and the editor's sync layer (which also validates what the
// server answers with `annotationDto`, so a contract drift is a clear error).
import { z } from "zod";
import { attributeValuesInput } from "./label-attributes";

/** Client-generated ids (crypto.randomUUID) let a retried create be recognised as the same object. */
export const annotationId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "Annotation ids are 8-64 letters, digits, '-' or '_'");

/** COCO compressed counts use the characters '0' (48) .. 'o' (111) only. */
const COMPRESSED_COUNTS = /^[0-o]+$/;

/** Up to ~40 Mpx images; a sane ceiling for one side. */
const MAX_SIDE = 100_000;

export const cocoRle = z.object({
  size: z.tuple([
    z.number().int().min(1, "Mask height must be at least 1").max(MAX_SIDE),
    z.number().int().min(1, "Mask width must be at least 1").max(MAX_SIDE),
  ]),
  counts: z
    .string()
    .min(1, "RLE counts may not be empty")
    .max(16_000_000, "RLE counts are at most 16 MB")
    .regex(COMPRESSED_COUNTS, "RLE counts must be a COCO compressed counts string"),
});
export type CocoRleInput = z.infer<typeof cocoRle>;

export const TOOL_NAMES = ["smart_click", "box", "multimask", "hover", "brush", "eraser", "polygon", "merge", "subtract", "cleanup", "split", "paste"] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

const promptPoint = z.object({ x: z.number().finite(), y: z.number().finite(), positive: z.boolean() });
const promptBox = z.object({ x0: z.number().finite(), y0: z.number().finite(), x1: z.number().finite(), y1: z.number().finite() });

/**
 * Editor metadata stored in Annotation.prompt: the prompts that produced the
 * mask (for audits and re-decoding), the chosen multimask candidate, and the
 * object's display order (there is no order column; see the editor report).
 */
export const annotationPrompt = z.object({
  points: z.array(promptPoint).max(1000).default([]),
  box: promptBox.nullable().default(null),
  candidate: z.number().int().min(0).max(16).nullable().default(null),
  order: z.number().finite().default(0),
});
export type AnnotationPrompt = z.infer<typeof annotationPrompt>;

/** Per-object telemetry (what the SAM paper reports), absolute values for the object so far. */
export const annotationTelemetry = z.object({
  clicks: z.number().int().min(0).max(1_000_000).default(0),
  secondsSpent: z.number().finite().min(0).max(7 * 24 * 3600).default(0),
  toolsUsed: z.array(z.enum(TOOL_NAMES)).max(TOOL_NAMES.length).default([]),
  modelId: z.string().min(1).max(200).nullable().default(null),
  predictedIou: z.number().finite().min(-1).max(2).nullable().default(null),
  stabilityScore: z.number().finite().min(-1).max(2).nullable().default(null),
});
export type AnnotationTelemetry = z.infer<typeof annotationTelemetry>;

/** The queue passes ?task=<taskId> to the editor; the editor forwards it with every save. */
const taskId = z.string().min(1).max(64).nullable().optional();

export const createAnnotationInput = z.object({
  id: annotationId,
  labelClassId: z.string().min(1).max(64).nullable(),
  rle: cocoRle,
  source: z.enum(["manual", "prefill", "import"]).default("manual"),
  originId: z.string().min(1).max(64).nullable().default(null),
  telemetry: annotationTelemetry.default({ clicks: 0, secondsSpent: 0, toolsUsed: [], modelId: null, predictedIou: null, stabilityScore: null }),
  prompt: annotationPrompt.nullable().default(null),
  /** Values of the label class's attributes, by name (lib/schemas/label-attributes.ts); left out: none. */
  attributes: attributeValuesInput.optional(),
  taskId,
});
export type CreateAnnotationInput = z.infer<typeof createAnnotationInput>;

export const updateAnnotationInput = z.object({
  /** The version the edit is based on (optimistic concurrency). */
  version: z.number().int().min(1),
  labelClassId: z.string().min(1).max(64).nullable().optional(),
  rle: cocoRle.optional(),
  telemetry: annotationTelemetry.optional(),
  prompt: annotationPrompt.nullable().optional(),
  /** Replaces the stored values; left out, they are kept (those the mask's class still defines). */
  attributes: attributeValuesInput.optional(),
  taskId,
});
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationInput>;

export const deleteAnnotationQuery = z.object({
  version: z.coerce.number().int().min(1),
  task: z.string().min(1).max(64).optional(),
});
export type DeleteAnnotationQuery = z.infer<typeof deleteAnnotationQuery>;

/** What every annotation route answers with (and the 409 carries as details.current). */
export const annotationDto = z.object({
  id: z.string(),
  projectId: z.string(),
  imageId: z.string(),
  labelClassId: z.string().nullable(),
  rle: z.object({ size: z.tuple([z.number().int(), z.number().int()]), counts: z.string() }),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  area: z.number().int(),
  source: z.enum(["manual", "prefill", "import"]),
  originId: z.string().nullable(),
  telemetry: z.object({
    clicks: z.number(),
    secondsSpent: z.number(),
    toolsUsed: z.array(z.string()),
    modelId: z.string().nullable(),
    predictedIou: z.number().nullable(),
    stabilityScore: z.number().nullable(),
  }),
  prompt: annotationPrompt.nullable(),
  attributes: z.record(z.string(), z.union([z.boolean(), z.string(), z.number()])).default({}),
  authorId: z.string().nullable(),
  version: z.number().int(),
  deleted: z.boolean(),
  updatedAt: z.string(),
});
export type AnnotationDto = z.infer<typeof annotationDto>;

/** 409 body details for a stale version: the server's copy, so the client can offer a choice. */
export const versionConflictDetails = z.object({ current: annotationDto });
