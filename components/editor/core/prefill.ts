// Pre-filled masks (semi-automatic stage) in the editor. Pure: ops only.
//
// Server contract (server/prefill/README.md): a pre-fill is a row with
// source "prefill" and no label class. What the annotator does with it is
// read back from the rows alone:
//   accept  -> the row stays (here: it gets the label class, a normal PATCH) = "kept";
//   delete  -> the normal (soft) DELETE = "deleted";
//   correct -> a new manual mask with originId = the pre-fill's id, and the
//              pre-fill deleted = "corrected".
// So a pre-fill the annotator has not decided on yet ("pending") is one that
// still has source "prefill" and no label; accepting gives it one.
import type { BinaryMask } from "@/lib/mask";
import type { Op } from "./ops";
import { updateOp } from "./ops";
import { newManualObject } from "./document";
import type { EditorDocument, EditorObject, ObjectTelemetry } from "./types";

export function isPrefill(object: EditorObject): boolean {
  return object.source === "prefill";
}

/** A pre-fill nobody has accepted (labelled), corrected or deleted yet: drawn as its own layer. */
export function isPendingPrefill(object: EditorObject): boolean {
  return object.source === "prefill" && object.labelClassId === null;
}

export function pendingPrefills(doc: EditorDocument): EditorObject[] {
  return doc.objects.filter(isPendingPrefill);
}

/**
 * Accepts pending pre-fills (all of them, or the given ids) by giving them
 * the label class: one update op each, so one undo step undoes them all.
 * Null when there is nothing to accept or no label class to give.
 */
export function acceptPrefillOps(doc: EditorDocument, labelClassId: string | null, ids?: readonly string[]): Op[] | null {
  if (labelClassId === null) return null;
  const wanted = ids ? new Set(ids) : null;
  const ops = pendingPrefills(doc)
    .filter((object) => wanted === null || wanted.has(object.id))
    .map((object) => updateOp(object, { labelClassId }));
  return ops.length > 0 ? ops : null;
}

/**
 * A mask edit of a pre-fill (brush, eraser, adding or cutting a smart mask):
 * the edited mask becomes a new manual object that names the pre-fill as its
 * origin, in the pre-fill's place (same order, its label or else the active
 * one), and the pre-fill is removed. Both in one step, so undo restores the
 * pre-fill. The telemetry starts from the pre-fill's (its model and scores)
 * plus the correction's own work.
 */
export function correctPrefillOps(options: {
  target: EditorObject;
  mask: BinaryMask;
  telemetry: ObjectTelemetry;
  labelClassId: string | null;
  newId: () => string;
}): { ops: Op[]; objectId: string } {
  const { target } = options;
  const corrected = newManualObject({
    id: options.newId(),
    labelClassId: target.labelClassId ?? options.labelClassId,
    mask: options.mask,
    originId: target.id,
    order: target.order,
    telemetry: options.telemetry,
    prompt: target.prompt,
  });
  return { ops: [{ type: "remove", object: target }, { type: "add", object: corrected }], objectId: corrected.id };
}
