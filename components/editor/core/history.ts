// Undo/redo over the user's own ops. Remote updates and server masks are
// applied to the document directly and never enter here; when one touches an
// object, entries involving it are dropped (their "before" no longer
// describes the document, and undoing them would overwrite someone's work).
import { opObjectId, squashOps, type Op } from "./ops";

export interface HistoryEntry {
  readonly ops: readonly Op[];
  /** What the user did, for the undo button's title ("Brush stroke", "Delete object"). */
  readonly label: string;
  /** Consecutive entries with the same key merge into one step (a brush stroke's moves). */
  readonly mergeKey?: string;
}

export interface HistoryState {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

export const EMPTY_HISTORY: HistoryState = { undo: [], redo: [] };
export const MAX_HISTORY = 200;

/** Records a new step (clearing redo), merging into the last step when the merge keys match. */
export function recordEntry(history: HistoryState, entry: HistoryEntry): HistoryState {
  if (entry.ops.length === 0) return history;
  const last = history.undo[history.undo.length - 1];
  if (last && entry.mergeKey !== undefined && last.mergeKey === entry.mergeKey) {
    const merged: HistoryEntry = { ...last, ops: squashOps([...last.ops, ...entry.ops]) };
    const undo = merged.ops.length === 0 ? history.undo.slice(0, -1) : [...history.undo.slice(0, -1), merged];
    return { undo, redo: [] };
  }
  const undo = [...history.undo, { ...entry, ops: squashOps(entry.ops) }];
  return { undo: undo.length > MAX_HISTORY ? undo.slice(undo.length - MAX_HISTORY) : undo, redo: [] };
}

/** Ends merging: the next entry with the same key starts a new step. */
export function sealLastEntry(history: HistoryState): HistoryState {
  const last = history.undo[history.undo.length - 1];
  if (!last || last.mergeKey === undefined) return history;
  const { mergeKey: _dropped, ...sealed } = last;
  return { ...history, undo: [...history.undo.slice(0, -1), sealed] };
}

export function popUndo(history: HistoryState): { entry: HistoryEntry; history: HistoryState } | null {
  const entry = history.undo[history.undo.length - 1];
  if (!entry) return null;
  return { entry, history: { undo: history.undo.slice(0, -1), redo: [...history.redo, entry] } };
}

export function popRedo(history: HistoryState): { entry: HistoryEntry; history: HistoryState } | null {
  const entry = history.redo[history.redo.length - 1];
  if (!entry) return null;
  return { entry, history: { undo: [...history.undo, entry], redo: history.redo.slice(0, -1) } };
}

/** Drops every step that involves the object (it was changed by someone else). */
export function dropObjectFromHistory(history: HistoryState, objectId: string): HistoryState {
  const keep = (entry: HistoryEntry) => !entry.ops.some((op) => opObjectId(op) === objectId);
  return { undo: history.undo.filter(keep), redo: history.redo.filter(keep) };
}

/** Drops one step that could not be applied (its object changed under it). */
export function discardEntry(history: HistoryState, entry: HistoryEntry): HistoryState {
  return { undo: history.undo.filter((e) => e !== entry), redo: history.redo.filter((e) => e !== entry) };
}
