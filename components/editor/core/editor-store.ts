// The editor's state container: document + history + selection + tool
// settings + the temporary draft. Framework-free (React reads it through
// useSyncExternalStore). Only `edit` records history; remote changes and
// server acknowledgements bypass it.
import { clampAdjust, NEUTRAL_ADJUST, type ImageAdjust } from "./image-adjust";
import { MIN_MASK_OPACITY } from "./mask-opacity";
import { createDocument, findObject, insertObject, removeObjectById, replaceObject } from "./document";
import type { PromptBox } from "@/lib/sam/prompt-transform";
import type { Draft } from "./draft";
import {
  EMPTY_HISTORY,
  discardEntry,
  dropObjectFromHistory,
  popRedo,
  popUndo,
  recordEntry,
  sealLastEntry,
  type HistoryEntry,
  type HistoryState,
} from "./history";
import { compactOpMasks, swapDocumentMasks } from "./compact-ops";
import { applyOps, invertOps, OpConflictError, type Op } from "./ops";
import { isPendingPrefill } from "./prefill";
import type { EditorDocument, EditorObject } from "./types";

export type ToolId = "smart" | "brush" | "eraser" | "polygon" | "select";

/** What the hover preview shows: the low-res mask a single click at (x, y) would give. */
export interface HoverPreview {
  x: number;
  y: number;
  logits: Float32Array;
  lowResSize: number;
}

export interface EditorState {
  readonly doc: EditorDocument;
  readonly history: HistoryState;
  readonly selectedId: string | null;
  readonly activeLabelId: string | null;
  readonly tool: ToolId;
  /** Brush/eraser radius in image pixels. */
  readonly brushRadius: number;
  readonly draft: Draft | null;
  readonly hover: HoverPreview | null;
  /** The box being dragged with the smart tool. */
  readonly boxPreview: PromptBox | null;
  /** A message for the person, e.g. when undo could not apply a step (its object changed meanwhile). */
  readonly notice: string | null;
  /** View state: the layer of pending pre-filled masks is drawn (and can be clicked). */
  readonly prefillLayerVisible: boolean;
  /** View state: everything covered by a mask is dimmed, so what is left to label stands out. */
  readonly uncovered: boolean;
  /** View state: how opaque the saved masks are drawn (MIN_MASK_OPACITY..1), to see the picture under them. */
  readonly maskOpacity: number;
  /** View state: brightness / contrast of the displayed picture, percent (100 = as is). */
  readonly imageAdjust: ImageAdjust;
}

export type RemoteChange = { kind: "upsert"; object: EditorObject } | { kind: "delete"; id: string };

export const MIN_BRUSH_RADIUS = 1;
export const MAX_BRUSH_RADIUS = 200;

export class EditorStore {
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  /** Latest server version per object id, including deleted objects (undo of a delete re-adds with it). */
  private readonly versions = new Map<string, number>();

  constructor(options: { width: number; height: number; objects?: readonly EditorObject[]; activeLabelId?: string | null }) {
    for (const object of options.objects ?? []) this.versions.set(object.id, object.version);
    this.state = {
      doc: createDocument(options),
      history: EMPTY_HISTORY,
      selectedId: null,
      activeLabelId: options.activeLabelId ?? null,
      tool: "smart",
      brushRadius: 8,
      draft: null,
      hover: null,
      boxPreview: null,
      notice: null,
      prefillLayerVisible: true,
      uncovered: false,
      maskOpacity: 1,
      imageAdjust: NEUTRAL_ADJUST,
    };
  }

  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(changes: Partial<EditorState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }

  private knownVersion = (id: string): number | undefined => this.versions.get(id);

  /** Applies the user's ops and records them as one undo step (merging steps with the same key). */
  edit(edited: readonly Op[] | null, options: { label: string; mergeKey?: string; select?: string | null }): void {
    if (!edited || edited.length === 0) return;
    // A merging step (a stroke) stays full-size until sealStep: compacting every pointer move would cost a full encode each.
    const ops = options.mergeKey === undefined ? compactOpMasks(edited).ops : edited;
    const doc = applyOps(this.state.doc, ops, this.knownVersion);
    const history = recordEntry(this.state.history, { ops, label: options.label, mergeKey: options.mergeKey });
    const selectedId = options.select !== undefined ? options.select : this.keepSelection(doc);
    this.set({ doc, history, selectedId, notice: null });
  }

  /** Ends a merging sequence (pointer up): the next stroke is its own undo step. */
  sealStep(): void {
    const { history, doc } = this.state;
    const last = history.undo[history.undo.length - 1];
    if (!last || last.mergeKey === undefined) return;
    const { ops, replaced } = compactOpMasks(last.ops);
    const compacted = { ...history, undo: [...history.undo.slice(0, -1), { ...last, ops }] };
    this.set({ history: sealLastEntry(compacted), doc: swapDocumentMasks(doc, replaced) });
  }

  undo(): void {
    this.step(popUndo(this.state.history), (entry) => invertOps(entry.ops));
  }

  redo(): void {
    this.step(popRedo(this.state.history), (entry) => [...entry.ops]);
  }

  private step(popped: { entry: HistoryEntry; history: HistoryState } | null, opsOf: (entry: HistoryEntry) => Op[]): void {
    if (!popped) return;
    try {
      const doc = applyOps(this.state.doc, opsOf(popped.entry), this.knownVersion);
      this.set({ doc, history: popped.history, selectedId: this.keepSelection(doc), notice: null });
    } catch (error) {
      if (!(error instanceof OpConflictError)) throw error;
      this.set({ history: discardEntry(popped.history, popped.entry), notice: `Could not undo "${popped.entry.label}": the object changed meanwhile.` });
    }
  }

  /**
   * Someone else's change (or the server's copy chosen in a conflict): applied
   * as is, never undoable, and this person's steps on that object are dropped.
   */
  applyRemote(change: RemoteChange): void {
    const id = change.kind === "upsert" ? change.object.id : change.id;
    let doc = this.state.doc;
    if (change.kind === "upsert") {
      this.versions.set(id, change.object.version);
      const existing = findObject(doc, id);
      // The local view state (hidden) is this person's, not part of the remote change; a pre-fill's score is not in it either.
      const object = existing ? { ...change.object, hidden: existing.hidden, proposalScore: change.object.proposalScore ?? existing.proposalScore } : change.object;
      doc = existing ? replaceObject(doc, object) : insertObject(doc, object);
    } else {
      doc = removeObjectById(doc, id);
    }
    this.set({ doc, history: dropObjectFromHistory(this.state.history, id), selectedId: this.keepSelection(doc) });
  }

  /** The server confirmed a save: record its version (not an edit, not undoable). */
  acknowledge(id: string, version: number): void {
    this.versions.set(id, version);
    const object = findObject(this.state.doc, id);
    if (!object || object.version === version) return;
    this.set({ doc: replaceObject(this.state.doc, { ...object, version }) });
  }

  serverVersion(id: string): number | undefined {
    return this.versions.get(id);
  }

  select(id: string | null): void {
    if (id !== null && !findObject(this.state.doc, id)) return;
    this.set({ selectedId: id });
  }

  setActiveLabel(labelClassId: string | null): void {
    this.set({ activeLabelId: labelClassId });
  }

  setTool(tool: ToolId): void {
    if (tool !== this.state.tool) this.set({ tool, hover: null });
  }

  setBrushRadius(radius: number): void {
    const clamped = Math.min(MAX_BRUSH_RADIUS, Math.max(MIN_BRUSH_RADIUS, Math.round(radius)));
    if (clamped !== this.state.brushRadius) this.set({ brushRadius: clamped });
  }

  setDraft(draft: Draft | null): void {
    this.set({ draft, hover: draft ? null : this.state.hover });
  }

  /** Updates the draft only if it is still the one the caller saw (a decode answer for a discarded draft is dropped). */
  updateDraft(expected: Draft, next: Draft): boolean {
    if (this.state.draft !== expected) return false;
    this.set({ draft: next });
    return true;
  }

  setHover(hover: HoverPreview | null): void {
    if (hover === this.state.hover) return;
    this.set({ hover });
  }

  setBoxPreview(box: PromptBox | null): void {
    if (box !== this.state.boxPreview) this.set({ boxPreview: box });
  }

  /** Shows or hides the pending pre-fills; hiding deselects one, so no edit lands on an invisible mask. */
  setPrefillLayerVisible(visible: boolean): void {
    if (visible === this.state.prefillLayerVisible) return;
    const selected = this.state.selectedId ? findObject(this.state.doc, this.state.selectedId) : undefined;
    const selectedId = !visible && selected && isPendingPrefill(selected) ? null : this.state.selectedId;
    this.set({ prefillLayerVisible: visible, selectedId });
  }

  setUncovered(uncovered: boolean): void {
    if (uncovered !== this.state.uncovered) this.set({ uncovered });
  }

  setImageAdjust(change: Partial<ImageAdjust>): void {
    const next = {
      brightness: clampAdjust(change.brightness ?? this.state.imageAdjust.brightness),
      contrast: clampAdjust(change.contrast ?? this.state.imageAdjust.contrast),
    };
    if (next.brightness !== this.state.imageAdjust.brightness || next.contrast !== this.state.imageAdjust.contrast) this.set({ imageAdjust: next });
  }

  /** Clamped to MIN_MASK_OPACITY..1 and rounded to 0.05 (a slider's steps); a non-number is ignored. */
  setMaskOpacity(opacity: number): void {
    if (!Number.isFinite(opacity)) return;
    const value = Math.round(Math.min(1, Math.max(MIN_MASK_OPACITY, opacity)) * 20) / 20;
    if (value !== this.state.maskOpacity) this.set({ maskOpacity: value });
  }

  /** A message for the person (decoder failure, "select an object first"). */
  setNotice(notice: string | null): void {
    if (notice !== this.state.notice) this.set({ notice });
  }

  clearNotice(): void {
    if (this.state.notice !== null) this.set({ notice: null });
  }

  private keepSelection(doc: EditorDocument): string | null {
    const id = this.state.selectedId;
    return id !== null && findObject(doc, id) ? id : null;
  }
}
