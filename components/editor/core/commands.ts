// User commands -> ops. Pure: each takes the document (and what it needs)
// and returns the ops to record, or null when the command does nothing.
import { cloneMask, countForeground, createMask, paintDisc, subtractMasks, unionMasks, type BinaryMask } from "@/lib/mask";
import type { ToolName } from "@/lib/schemas/annotations";
import { sameAttributeValues, type AttributeValues } from "@/lib/schemas/label-attributes";
import { findObject, newManualObject, nextOrder, orderForMove } from "./document";
import { cleanUpMask, type CleanUpResult } from "./clean-up-mask";
import { foregroundCount } from "./mask-facts";
import { paintWithFacts, segmentBox } from "./stroke-facts";
import { splitMaskParts } from "./split-object";
import { addTool, selectedIou, type Draft } from "./draft";
import { updateOp, type Op } from "./ops";
import { correctPrefillOps, isPrefill } from "./prefill";
import { EMPTY_TELEMETRY, type EditorDocument, type EditorObject, type ObjectTelemetry } from "./types";

export type CommitMode = "new" | "merge" | "subtract";

function mergeTelemetry(base: ObjectTelemetry, extra: { seconds: number; clicks: number; tools: readonly ToolName[]; modelId?: string | null; iou?: number | null }): ObjectTelemetry {
  let tools = [...base.toolsUsed];
  for (const tool of extra.tools) tools = addTool(tools, tool);
  return {
    secondsSpent: base.secondsSpent + Math.max(0, extra.seconds),
    clicks: base.clicks + extra.clicks,
    toolsUsed: tools,
    modelId: extra.modelId ?? base.modelId,
    predictedIou: extra.iou !== undefined ? extra.iou : base.predictedIou,
    stabilityScore: base.stabilityScore,
  };
}

/**
 * Commits a draft's full-resolution mask: as a new object ("new"), added to
 * the selected object ("merge": another part), or cut out of it ("subtract":
 * a hole). Telemetry: seconds from the draft's first prompt to now.
 */
export function commitDraftOps(options: {
  doc: EditorDocument;
  draft: Draft;
  mask: BinaryMask;
  mode: CommitMode;
  selectedId: string | null;
  labelClassId: string | null;
  now: number;
  newId: () => string;
}): { ops: Op[]; objectId: string } | null {
  const { doc, draft, mask, mode, now } = options;
  const seconds = (now - draft.telemetry.startedAt) / 1000;
  const iou = draft.shape.kind === "smart" ? selectedIou(draft.shape) : null;
  const target = options.selectedId ? findObject(doc, options.selectedId) : undefined;
  if (mode !== "new" && target) {
    const combined = mode === "merge" ? unionMasks(target.mask, mask) : subtractMasks(target.mask, mask);
    if (countForeground(combined) === 0) return { ops: [{ type: "remove", object: target }], objectId: target.id };
    const telemetry = mergeTelemetry(target.telemetry, {
      seconds,
      clicks: draft.telemetry.clicks,
      tools: [...draft.telemetry.tools, mode],
      modelId: draft.telemetry.modelId,
      iou,
    });
    // A pre-fill is not edited in place: the edit is a correction that keeps a link to it.
    if (isPrefill(target)) return correctPrefillOps({ target, mask: combined, telemetry, labelClassId: options.labelClassId, newId: options.newId });
    return { ops: [updateOp(target, { mask: combined, telemetry })], objectId: target.id };
  }
  if (mode === "subtract" || countForeground(mask) === 0) return null;
  const shape = draft.shape;
  const object = newManualObject({
    id: options.newId(),
    labelClassId: options.labelClassId,
    mask,
    order: nextOrder(doc),
    telemetry: mergeTelemetry(EMPTY_TELEMETRY, { seconds, clicks: draft.telemetry.clicks, tools: draft.telemetry.tools, modelId: draft.telemetry.modelId, iou }),
    prompt: shape.kind === "smart" ? { points: [...shape.points], box: shape.box, candidate: shape.decoded ? shape.selected : null } : null,
  });
  return { ops: [{ type: "add", object }], objectId: object.id };
}

export function deleteObjectOps(doc: EditorDocument, id: string): Op[] | null {
  const object = findObject(doc, id);
  return object ? [{ type: "remove", object }] : null;
}

export function relabelOps(doc: EditorDocument, id: string, labelClassId: string | null): Op[] | null {
  const object = findObject(doc, id);
  if (!object || object.labelClassId === labelClassId) return null;
  // Attribute values belong to a class: another class starts without them.
  return [updateOp(object, { labelClassId, attributes: {} })];
}

/** Sets an object's attribute values (one undo step); null when nothing changes. */
export function setAttributesOps(doc: EditorDocument, id: string, attributes: AttributeValues): Op[] | null {
  const object = doc.objects.find((candidate) => candidate.id === id);
  if (!object || sameAttributeValues(object.attributes, attributes)) return null;
  return [updateOp(object, { attributes })];
}

export function setHiddenOps(doc: EditorDocument, id: string, hidden: boolean): Op[] | null {
  const object = findObject(doc, id);
  if (!object || object.hidden === hidden) return null;
  return [updateOp(object, { hidden })];
}

/** Moves an object one place up (drawn above its neighbour) or down. */
export function moveOps(doc: EditorDocument, id: string, direction: 1 | -1): Op[] | null {
  const object = findObject(doc, id);
  const order = orderForMove(doc, id, direction);
  if (!object || order === null) return null;
  return [updateOp(object, { order })];
}

/** One brush/eraser dab along a segment: discs every radius/2 pixels so fast moves leave no gaps. */
export function paintSegment(mask: BinaryMask, from: { x: number; y: number }, to: { x: number; y: number }, radius: number, value: 0 | 1): void {
  const distance = Math.hypot(to.x - from.x, to.y - from.y);
  const steps = Math.max(1, Math.ceil(distance / Math.max(0.5, radius / 2)));
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    paintDisc(mask, from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t, radius, value);
  }
}

/**
 * One piece of a brush (value 1) or eraser (value 0) stroke on `targetId`,
 * or on a new object when there is none (brush only). Recorded with the
 * stroke's merge key, all pieces of a stroke squash into one undo step.
 * Returns the object id painted, so later pieces target it.
 */
export function strokeOps(options: {
  doc: EditorDocument;
  targetId: string | null;
  from: { x: number; y: number };
  to: { x: number; y: number };
  radius: number;
  value: 0 | 1;
  labelClassId: string | null;
  /** Seconds this piece adds to the object's time (pointer time since the last piece). */
  seconds: number;
  firstPiece: boolean;
  newId: () => string;
}): { ops: Op[]; objectId: string } | null {
  const { doc, from, to, radius, value, seconds, firstPiece } = options;
  const tool: ToolName = value === 1 ? "brush" : "eraser";
  const target = options.targetId ? findObject(doc, options.targetId) : undefined;
  if (!target) {
    if (value === 0) return null;
    const mask = createMask(doc.width, doc.height);
    paintWithFacts({ mask, before: null, box: segmentBox(mask, from, to, radius), value: 1, paint: () => paintSegment(mask, from, to, radius, 1) });
    if (foregroundCount(mask) === 0) return null;
    const object = newManualObject({
      id: options.newId(),
      labelClassId: options.labelClassId,
      mask,
      order: nextOrder(doc),
      telemetry: mergeTelemetry(EMPTY_TELEMETRY, { seconds, clicks: 1, tools: [tool] }),
    });
    return { ops: [{ type: "add", object }], objectId: object.id };
  }
  const mask = cloneMask(target.mask);
  paintWithFacts({ mask, before: target.mask, box: segmentBox(mask, from, to, radius), value, paint: () => paintSegment(mask, from, to, radius, value) });
  const telemetry = mergeTelemetry(target.telemetry, { seconds, clicks: firstPiece ? 1 : 0, tools: [tool] });
  // The stroke's first piece on a pre-fill turns it into a correction; later pieces paint the correction.
  if (isPrefill(target)) return correctPrefillOps({ target, mask, telemetry, labelClassId: options.labelClassId, newId: options.newId });
  return { ops: [updateOp(target, { mask, telemetry, hidden: false })], objectId: target.id };
}

/**
 * "Clean up" the object: small holes filled, small specks removed (see
 * clean-up-mask.ts). One undo step; on a pre-fill it is a correction like a
 * brush stroke. Null when the mask is already clean.
 */
export function cleanUpOps(options: { doc: EditorDocument; id: string; labelClassId: string | null; newId: () => string }): { ops: Op[]; objectId: string; result: CleanUpResult } | null {
  const target = findObject(options.doc, options.id);
  if (!target) return null;
  const result = cleanUpMask(target.mask);
  if (!result) return null;
  const telemetry = mergeTelemetry(target.telemetry, { seconds: 0, clicks: 1, tools: ["cleanup"] });
  if (isPrefill(target)) return { ...correctPrefillOps({ target, mask: result.mask, telemetry, labelClassId: options.labelClassId, newId: options.newId }), result };
  return { ops: [updateOp(target, { mask: result.mask, telemetry, hidden: false })], objectId: target.id, result };
}

/**
 * Splits the object into one object per separate part (split-object.ts): the
 * largest part stays the object (its id, label, attributes and history), the
 * others become new objects with the same label and attributes, drawn on top.
 * A pre-fill is corrected instead: every part becomes a correction linked to
 * it. One undo step; null when there is only one part.
 */
export function splitObjectOps(options: { doc: EditorDocument; id: string; labelClassId: string | null; newId: () => string }): { ops: Op[]; objectIds: string[] } | null {
  const { doc } = options;
  const target = findObject(doc, options.id);
  if (!target) return null;
  const parts = splitMaskParts(target.mask);
  if (!parts) return null;
  const partTelemetry: ObjectTelemetry = { ...EMPTY_TELEMETRY, toolsUsed: ["split"], modelId: target.telemetry.modelId };
  const part = (mask: BinaryMask, index: number, originId: string | null, labelClassId: string | null, telemetry: ObjectTelemetry): EditorObject =>
    newManualObject({ id: options.newId(), labelClassId, mask, originId, order: nextOrder(doc) + index, telemetry, ...(target.attributes && { attributes: target.attributes }) });
  const telemetry = mergeTelemetry(target.telemetry, { seconds: 0, clicks: 1, tools: ["split"] });
  if (isPrefill(target)) {
    const label = target.labelClassId ?? options.labelClassId;
    const objects = parts.map((mask, index) => part(mask, index, target.id, label, index === 0 ? telemetry : partTelemetry));
    return { ops: [{ type: "remove", object: target }, ...objects.map((object) => ({ type: "add" as const, object }))], objectIds: objects.map((object) => object.id) };
  }
  // New parts of an imported mask stay linked to it, like any correction of one.
  const originId = target.source === "manual" ? target.originId : target.id;
  const others = parts.slice(1).map((mask, index) => part(mask, index, originId, target.labelClassId, partTelemetry));
  return {
    ops: [updateOp(target, { mask: parts[0]!, telemetry, hidden: false }), ...others.map((object) => ({ type: "add" as const, object }))],
    objectIds: [target.id, ...others.map((object) => object.id)],
  };
}
