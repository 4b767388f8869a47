// What must be saved: the document compared with the last copy the server
// confirmed of each object (the baseline). Sync works from this diff, so
// every path to a change (an edit, undo, redo, a restored outbox) saves the
// same way, and an undo back to the saved state needs no request at all.
import type { BinaryMask } from "@/lib/mask";
import { sameMaskPixels } from "./compact-mask";
import { foregroundCount } from "./mask-facts";
import { sameAttributeValues, type AttributeValues } from "@/lib/schemas/label-attributes";
import type { EditorDocument, EditorObject } from "./types";

/** What the server has for an object, as far as this tab knows. */
export interface ServerCopy {
  id: string;
  version: number;
  deleted: boolean;
  labelClassId: string | null;
  mask: BinaryMask;
  order: number;
  attributes: AttributeValues;
}

export type PendingChange =
  | { kind: "create"; object: EditorObject }
  | { kind: "update"; object: EditorObject; baseVersion: number }
  | { kind: "delete"; id: string; baseVersion: number };

export function serverCopyOf(object: EditorObject, version: number): ServerCopy {
  return { id: object.id, version, deleted: false, labelClassId: object.labelClassId, mask: object.mask, order: object.order, attributes: object.attributes ?? {} };
}

export { foregroundCount };

export function isEmptyMask(mask: BinaryMask): boolean {
  return foregroundCount(mask) === 0;
}

/** True when the object differs from the server's copy in anything saved (hidden is view state). */
export function differsFromServer(object: EditorObject, copy: ServerCopy): boolean {
  return (
    copy.deleted ||
    copy.labelClassId !== object.labelClassId ||
    copy.order !== object.order ||
    !sameAttributeValues(copy.attributes, object.attributes) ||
    !sameMaskPixels(copy.mask, object.mask)
  );
}

/**
 * The saves that bring the server to the document's state. An object with
 * an empty mask (erased away) counts as deleted: the server stores no empty masks.
 */
export function pendingChanges(doc: EditorDocument, baseline: ReadonlyMap<string, ServerCopy>): PendingChange[] {
  const changes: PendingChange[] = [];
  const present = new Set<string>();
  for (const object of doc.objects) {
    if (isEmptyMask(object.mask)) continue;
    present.add(object.id);
    const copy = baseline.get(object.id);
    if (!copy) changes.push({ kind: "create", object });
    else if (differsFromServer(object, copy)) changes.push({ kind: "update", object, baseVersion: copy.version });
  }
  for (const copy of baseline.values()) {
    if (!copy.deleted && !present.has(copy.id)) changes.push({ kind: "delete", id: copy.id, baseVersion: copy.version });
  }
  return changes;
}
