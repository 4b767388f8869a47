// Edits as operations with exact inverses. An op records both sides of the
// change (before and after), so inverting is swapping, and applying checks
// the document is still in the "before" state the op was recorded against.
import { findObject, insertObject, removeObjectById, replaceObject } from "./document";
import type { EditorDocument, EditorObject, ObjectFields } from "./types";

export type Op =
  | { type: "add"; object: EditorObject }
  | { type: "remove"; object: EditorObject }
  | { type: "update"; id: string; before: Partial<ObjectFields>; after: Partial<ObjectFields> };

/** The document no longer matches what the op expects (e.g. a remote change removed its object). */
export class OpConflictError extends Error {
  override readonly name = "OpConflictError";
}

export function invertOp(op: Op): Op {
  switch (op.type) {
    case "add":
      return { type: "remove", object: op.object };
    case "remove":
      return { type: "add", object: op.object };
    case "update":
      return { type: "update", id: op.id, before: op.after, after: op.before };
  }
}

export function opObjectId(op: Op): string {
  return op.type === "update" ? op.id : op.object.id;
}

/**
 * Applies one op. Version is not part of any op (sync owns it): an object
 * re-added by undo keeps the version the document knows for it, if any.
 */
export function applyOp(doc: EditorDocument, op: Op, knownVersion?: (id: string) => number | undefined): EditorDocument {
  switch (op.type) {
    case "add": {
      if (findObject(doc, op.object.id)) throw new OpConflictError(`object ${op.object.id} already exists`);
      const version = knownVersion?.(op.object.id) ?? op.object.version;
      return insertObject(doc, { ...op.object, version });
    }
    case "remove": {
      if (!findObject(doc, op.object.id)) throw new OpConflictError(`object ${op.object.id} does not exist`);
      return removeObjectById(doc, op.object.id);
    }
    case "update": {
      const current = findObject(doc, op.id);
      if (!current) throw new OpConflictError(`object ${op.id} does not exist`);
      return replaceObject(doc, { ...current, ...op.after });
    }
  }
}

export function applyOps(doc: EditorDocument, ops: readonly Op[], knownVersion?: (id: string) => number | undefined): EditorDocument {
  return ops.reduce((current, op) => applyOp(current, op, knownVersion), doc);
}

/** Inverse of a sequence: each op inverted, in reverse order. */
export function invertOps(ops: readonly Op[]): Op[] {
  return [...ops].reverse().map(invertOp);
}

/** An update op from the object's current state to `changes`. */
export function updateOp(object: EditorObject, changes: Partial<ObjectFields>): Op {
  const before: Partial<ObjectFields> = {};
  for (const key of Object.keys(changes) as (keyof ObjectFields)[]) {
    (before as Record<string, unknown>)[key] = object[key];
  }
  return { type: "update", id: object.id, before, after: { ...changes } };
}

/**
 * Squashes a sequence of ops into the fewest equivalent ones: consecutive
 * updates of one object merge (earliest "before" per field, latest "after"),
 * an add followed by updates of the same object becomes one add, and an add
 * followed by its remove disappears. A brush stroke of a hundred moves thus
 * becomes one update: one undo step, and only two masks kept.
 */
export function squashOps(ops: readonly Op[]): Op[] {
  const out: Op[] = [];
  for (const op of ops) {
    const last = out[out.length - 1];
    if (last && op.type === "update" && last.type === "update" && last.id === op.id) {
      out[out.length - 1] = { type: "update", id: op.id, before: { ...op.before, ...last.before }, after: { ...last.after, ...op.after } };
    } else if (last && op.type === "update" && last.type === "add" && last.object.id === op.id) {
      out[out.length - 1] = { type: "add", object: { ...last.object, ...op.after } };
    } else if (last && op.type === "remove" && last.type === "add" && last.object.id === op.object.id) {
      out.pop();
    } else {
      out.push(op);
    }
  }
  return out;
}
