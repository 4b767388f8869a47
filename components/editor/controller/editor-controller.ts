// Routes pointer input to the active tool's state machine and keyboard
// commands to the editor core. Framework-free: the React view forwards
// events here and renders the store.
import { copySelectedObject, memoryClipboard, pasteCopiedObject, type ClipboardStore } from "./object-clipboard";
import { cleanUpOps, splitObjectOps, commitDraftOps, deleteObjectOps, moveOps, relabelOps, setHiddenOps, strokeOps, type CommitMode } from "../core/commands";
import { objectAt } from "../core/document";
import { acceptPrefillOps, isPendingPrefill } from "../core/prefill";
import type { EditorObject } from "../core/types";
import { draftWithBox, draftWithNextCandidate, draftWithoutLastPoint, draftWithPoint, polygonDraft, type Draft } from "../core/draft";
import { draftMask } from "../core/draft-mask";
import type { EditorStore } from "../core/editor-store";
import { nextOpacityStep } from "../core/mask-opacity";
import { BRUSH_IDLE, brushDown, brushMove, brushUp, type BrushToolAction, type BrushToolState } from "../tools/brush-tool";
import type { PointerInput } from "../tools/pointer-input";
import { POLYGON_IDLE, closePolygon, polygonDown, polygonMove, polygonUp, removeLastVertex, type PolygonToolAction, type PolygonToolState, type PolygonValue } from "../tools/polygon-tool";
import type { EditorCommand } from "../tools/shortcuts";
import { SMART_IDLE, smartCancel, smartDown, smartMove, smartUp, type SmartToolAction, type SmartToolState } from "../tools/smart-tool";
import { SmartPrompting, type DecodeFn } from "./smart-prompting";

/** What the controller calls out to; set (and replaced) by the view with connect(). */
export interface EditorHooks {
  decode: DecodeFn;
  /** Sync: no saves mid-stroke. */
  holdSaves: () => void;
  releaseSaves: () => void;
  onViewport: (command: Extract<EditorCommand, { type: "fit" | "zoom" }>) => void;
  onNavigate: (step: 1 | -1) => void;
  onHelp: () => void;
}

export interface EditorControllerOptions {
  store: EditorStore;
  model: { id: string; inputSize: number };
  labels: readonly { id: string }[];
  hooks?: Partial<EditorHooks>;
  now?: () => number;
  newId?: () => string;
  /** Where Ctrl+C keeps the copied object (session storage in the browser). */
  clipboard?: ClipboardStore;
}

const NO_HOOKS: EditorHooks = {
  decode: () => Promise.reject(new Error("The decoder is not connected yet.")),
  holdSaves: () => undefined,
  releaseSaves: () => undefined,
  onViewport: () => undefined,
  onNavigate: () => undefined,
  onHelp: () => undefined,
};

export class EditorController {
  readonly prompting: SmartPrompting;
  private smart: SmartToolState = SMART_IDLE;
  private brush: BrushToolState = BRUSH_IDLE;
  private polygon: PolygonToolState = POLYGON_IDLE;
  private strokeCount = 0;
  private strokeTarget: string | null = null;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly clipboard: ClipboardStore;
  private hooks: EditorHooks;
  private editable = true;

  constructor(private readonly options: EditorControllerOptions) {
    const { width, height } = options.store.getState().doc;
    this.hooks = { ...NO_HOOKS, ...options.hooks };
    this.now = options.now ?? (() => performance.now());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.clipboard = options.clipboard ?? memoryClipboard();
    this.prompting = new SmartPrompting({
      store: options.store,
      decode: (prompt, size) => this.hooks.decode(prompt, size),
      imageSize: { width, height },
      onError: (m) => options.store.setNotice(m),
    });
  }

  /** The view's current callbacks and state (decoder readiness, edit permission). */
  connect(hooks: Partial<EditorHooks> & { ready?: boolean; editable?: boolean }): void {
    const { ready, editable, ...rest } = hooks;
    this.hooks = { ...this.hooks, ...rest };
    if (ready !== undefined) this.prompting.ready = ready;
    if (editable !== undefined) this.editable = editable;
  }

  private get store(): EditorStore {
    return this.options.store;
  }

  // ---- pointer -------------------------------------------------------------

  pointerDown(input: PointerInput, scale: number): void {
    this.prompting.hover.cancel();
    if (!this.editable) return;
    const { tool } = this.store.getState();
    if (tool === "smart") {
      if (!this.prompting.ready) return this.store.setNotice("The model is still loading; try again in a moment.");
      this.runSmart(smartDown(this.smart, input));
    } else if ((tool === "brush" || tool === "eraser") && input.button === 0) {
      this.beginStroke();
      this.runBrush(brushDown(this.brush, input, { strokeId: ++this.strokeCount, erase: tool === "eraser" }));
    } else if (tool === "polygon") {
      this.runPolygon(polygonDown(this.polygon, this.currentPolygon(), input, scale));
    } else if (input.button === 0) {
      this.store.select(objectAt(this.store.getState().doc, input.x, input.y, this.selectable)?.id ?? null);
    }
  }

  pointerMove(input: PointerInput): void {
    const { tool } = this.store.getState();
    if (tool === "smart") {
      this.runSmart(smartMove(this.smart, input));
      if (this.smart.phase === "idle") this.prompting.pointerMoved(input.x, input.y);
    } else if (tool === "brush" || tool === "eraser") {
      this.runBrush(brushMove(this.brush, input));
    } else if (tool === "polygon") {
      this.runPolygon(polygonMove(this.polygon, this.currentPolygon(), input));
    }
  }

  pointerUp(input: PointerInput): void {
    this.runSmart(smartUp(this.smart, input));
    this.runBrush(brushUp(this.brush));
    this.runPolygon(polygonUp(this.polygon));
  }

  pointerLeave(): void {
    this.prompting.hover.cancel();
    this.runSmart(smartCancel(this.smart));
    this.runBrush(brushUp(this.brush));
  }

  /** Double-click closes an open polygon (its second click added a duplicate vertex: drop it). */
  doubleClick(): void {
    const polygon = this.currentPolygon();
    if (!polygon || polygon.closed) return;
    const [a, b] = polygon.vertices.slice(-2);
    const vertices = a && b && Math.hypot(a.x - b.x, a.y - b.y) < 1 ? polygon.vertices.slice(0, -1) : polygon.vertices;
    const closed = closePolygon({ vertices, closed: false });
    if (closed) this.setPolygon(closed, false);
  }

  private runSmart(step: { state: SmartToolState; actions: SmartToolAction[] }): void {
    this.smart = step.state;
    for (const action of step.actions) {
      const draft = this.store.getState().draft;
      const modelId = this.options.model.id;
      if (action.kind === "point") {
        const next = draftWithPoint({ draft, point: action.point, now: this.now(), modelId });
        this.store.setDraft(next);
        this.prompting.decodeDraft(next, { startedAt: action.at, maskInput: SmartPrompting.maskInputOf(draft) });
      } else if (action.kind === "retractPoint") {
        const back = draft ? draftWithoutLastPoint(draft) : null;
        // The press's point is taken back without a decode: the box decodes on release.
        this.store.setDraft(back && back.shape.kind === "smart" ? { ...back, telemetry: { ...back.telemetry, clicks: back.telemetry.clicks - 1 } } : null);
      } else if (action.kind === "boxPreview") {
        this.store.setBoxPreview(action.box);
      } else {
        const next = draftWithBox({ draft, box: action.box, now: this.now(), modelId });
        this.store.setDraft(next);
        this.prompting.decodeDraft(next, { startedAt: action.at, maskInput: null });
      }
    }
  }

  private beginStroke(): void {
    // Painting edits a committed object: a smart or polygon mask in progress is committed first.
    const draft = this.store.getState().draft;
    if (draft) this.commitNow(draft, "new");
    this.strokeTarget = this.store.getState().selectedId;
    this.hooks.holdSaves();
  }

  private runBrush(step: { state: BrushToolState; actions: BrushToolAction[] }): void {
    const wasPainting = this.brush.phase === "painting";
    this.brush = step.state;
    for (const action of step.actions) {
      if (action.kind === "end") {
        this.store.sealStep();
        continue;
      }
      const state = this.store.getState();
      const result = strokeOps({
        doc: state.doc,
        targetId: this.strokeTarget,
        from: action.from,
        to: action.to,
        radius: state.brushRadius,
        value: action.value,
        labelClassId: state.activeLabelId,
        seconds: action.seconds,
        firstPiece: action.first,
        newId: this.newId,
      });
      if (!result) continue;
      this.strokeTarget = result.objectId;
      this.store.edit(result.ops, { label: action.value ? "Brush stroke" : "Eraser stroke", mergeKey: `stroke-${action.strokeId}`, select: result.objectId });
    }
    if (wasPainting && this.brush.phase === "idle") this.hooks.releaseSaves();
  }

  private currentPolygon(): PolygonValue | null {
    const shape = this.store.getState().draft?.shape;
    return shape?.kind === "polygon" ? shape : null;
  }

  private setPolygon(polygon: PolygonValue, addedVertex: boolean): void {
    const draft = this.store.getState().draft;
    this.store.setDraft(polygonDraft({ draft, vertices: polygon.vertices, closed: polygon.closed, addedVertex, now: this.now() }));
  }

  private runPolygon(step: { state: PolygonToolState; actions: PolygonToolAction[] }): void {
    this.polygon = step.state;
    for (const action of step.actions) this.setPolygon(action.polygon, action.addedVertex);
  }

  // ---- commands ------------------------------------------------------------

  command(command: EditorCommand): void {
    const store = this.store;
    const state = store.getState();
    const selected = state.selectedId;
    switch (command.type) {
      case "tool":
        return store.setTool(command.tool);
      case "brushSize":
        return store.setBrushRadius(command.step > 0 ? Math.max(state.brushRadius + 1, state.brushRadius * 1.25) : Math.min(state.brushRadius - 1, state.brushRadius / 1.25));
      case "label": {
        const label = this.options.labels[command.index];
        if (!label) return;
        store.setActiveLabel(label.id);
        if (selected && this.editable) store.edit(relabelOps(state.doc, selected, label.id), { label: "Relabel" });
        return;
      }
      case "commit":
        return void this.commit(command.mode);
      case "discard":
        if (state.draft) return store.setDraft(null);
        return store.select(null);
      case "undo":
        return this.undo();
      case "redo":
        return store.redo();
      case "cycleCandidate":
        if (state.draft) store.setDraft(draftWithNextCandidate(state.draft, command.step));
        return;
      case "deleteObject":
        if (selected && this.editable) store.edit(deleteObjectOps(state.doc, selected), { label: "Delete object" });
        return;
      case "cleanUpObject":
        return this.cleanUp(selected);
      case "splitObject":
        return this.split(selected);
      case "copyObject":
        return copySelectedObject({ store, clipboard: this.clipboard });
      case "pasteObject":
        if (this.editable) pasteCopiedObject({ store, clipboard: this.clipboard, labels: this.options.labels, newId: this.newId });
        return;
      case "toggleHidden": {
        const object = state.doc.objects.find((o) => o.id === selected);
        if (object) store.edit(setHiddenOps(state.doc, object.id, !object.hidden), { label: object.hidden ? "Show object" : "Hide object" });
        return;
      }
      case "moveObject":
        if (selected && this.editable) store.edit(moveOps(state.doc, selected, command.direction), { label: "Reorder" });
        return;
      case "selectObject": {
        // Top of the list (drawn on top) first, like the object list.
        const ids = [...state.doc.objects].reverse().filter(this.selectable).map((o) => o.id);
        if (ids.length === 0) return;
        const at = selected ? ids.indexOf(selected) : -1;
        return store.select(ids[(at + command.step + ids.length) % ids.length] ?? null);
      }
      case "removeVertex": {
        const polygon = removeLastVertex(this.currentPolygon());
        if (polygon) return polygon.vertices.length === 0 ? store.setDraft(null) : this.setPolygon(polygon, false);
        if (state.draft?.shape.kind === "smart") this.undo();
        else if (selected && this.editable) store.edit(deleteObjectOps(state.doc, selected), { label: "Delete object" });
        return;
      }
      case "fit":
      case "zoom":
        return this.hooks.onViewport(command);
      case "nextImage":
        if (state.draft) return store.setNotice("Commit (Enter) or discard (Esc) the current mask before moving on.");
        return this.hooks.onNavigate(command.step);
      case "acceptPrefill":
        if (command.all) return this.acceptPrefills("all");
        if (selected && state.doc.objects.some((o) => o.id === selected && isPendingPrefill(o))) return this.acceptPrefills([selected]);
        return store.setNotice("Select a pre-filled mask to accept it (Shift+A accepts them all).");
      case "togglePrefillLayer":
        return store.setPrefillLayerVisible(!state.prefillLayerVisible);
      case "toggleUncovered":
        return store.setUncovered(!state.uncovered);
      case "cycleMaskOpacity":
        return store.setMaskOpacity(nextOpacityStep(state.maskOpacity));
      case "help":
        return this.hooks.onHelp();
    }
  }

  /** Cleans up an object's mask (R or the object list's button) and says what changed. */
  cleanUp(id: string | null): void {
    const store = this.store;
    if (!id) return store.setNotice("Select an object to clean up its mask.");
    if (!this.editable) return;
    const state = store.getState();
    const cleaned = cleanUpOps({ doc: state.doc, id, labelClassId: state.activeLabelId, newId: this.newId });
    if (!cleaned) return store.setNotice("Nothing to clean up: the mask has no small holes or specks.");
    store.edit(cleaned.ops, { label: "Clean up mask" });
    store.select(cleaned.objectId);
    const { filledPx, removedPx, thresholdPx } = cleaned.result;
    store.setNotice(`Cleaned up: filled ${filledPx} px of holes, removed ${removedPx} px of specks (each under ${thresholdPx} px).`);
  }

  /** Splits an object into one object per separate part (X or the object list's button). */
  split(id: string | null): void {
    const store = this.store;
    if (!id) return store.setNotice("Select an object to split it into its parts.");
    if (!this.editable) return;
    const state = store.getState();
    const split = splitObjectOps({ doc: state.doc, id, labelClassId: state.activeLabelId, newId: this.newId });
    if (!split) return store.setNotice("Nothing to split: the mask is one part (specks under the clean-up size do not count).");
    store.edit(split.ops, { label: "Split into parts" });
    store.select(split.objectIds[0] ?? null);
    store.setNotice(`Split into ${split.objectIds.length} objects.`);
  }

  /** Objects a click or Tab may select: not those of a hidden pre-fill layer. */
  private readonly selectable = (object: EditorObject): boolean => this.store.getState().prefillLayerVisible || !isPendingPrefill(object);

  /**
   * Accepts pending pre-fills: they get the active label class (else the
   * project's first), saved with the normal PATCH, and join the ordinary
   * objects. One undo step however many.
   */
  acceptPrefills(ids: readonly string[] | "all"): void {
    if (!this.editable) return;
    const { doc, activeLabelId } = this.store.getState();
    const labelClassId = activeLabelId ?? this.options.labels[0]?.id ?? null;
    if (labelClassId === null) return this.store.setNotice("This project has no label classes: add one to accept pre-filled masks.");
    const ops = acceptPrefillOps(doc, labelClassId, ids === "all" ? undefined : ids);
    if (!ops) return this.store.setNotice("There are no pre-filled masks left to accept.");
    this.store.edit(ops, { label: ops.length > 1 ? `Accept ${ops.length} pre-filled masks` : "Accept pre-filled mask" });
  }

  /** Ctrl+Z: while prompting, takes back the last point; otherwise undoes the last edit. */
  private undo(): void {
    const draft = this.store.getState().draft;
    if (!draft) return this.store.undo();
    if (draft.shape.kind === "polygon") {
      const polygon = removeLastVertex(draft.shape);
      if (polygon && polygon.vertices.length > 0) return this.setPolygon(polygon, false);
      return this.store.setDraft(null);
    }
    const back = draftWithoutLastPoint(draft);
    this.store.setDraft(back);
    if (back) this.prompting.decodeDraft(back, { startedAt: this.now(), maskInput: null });
  }

  /** Enter (new object), Shift+Enter (add to selected), Alt+Enter (cut from selected). */
  async commit(mode: CommitMode): Promise<void> {
    if (!this.editable) return;
    await this.prompting.settled();
    let draft = this.store.getState().draft;
    if (!draft) return;
    if (draft.shape.kind === "polygon" && !draft.shape.closed) {
      const closed = closePolygon(draft.shape);
      if (!closed) return this.store.setNotice("A polygon needs at least three vertices.");
      draft = polygonDraft({ draft, vertices: closed.vertices, closed: true, addedVertex: false, now: this.now() });
    }
    this.commitNow(draft, mode);
  }

  private commitNow(draft: Draft, mode: CommitMode): void {
    const { doc, selectedId, activeLabelId } = this.store.getState();
    const mask = draftMask({ draft, width: doc.width, height: doc.height, inputSize: this.options.model.inputSize });
    this.store.setDraft(null);
    if (!mask) return;
    if (mode !== "new" && !selectedId) return this.store.setNotice("Select an object first to add to it or cut from it.");
    const result = commitDraftOps({ doc, draft, mask, mode, selectedId, labelClassId: activeLabelId, now: this.now(), newId: this.newId });
    if (!result) return this.store.setNotice("The mask is empty; nothing was committed.");
    const label = mode === "new" ? "Commit object" : mode === "merge" ? "Add part" : "Cut hole";
    this.store.edit(result.ops, { label, select: result.objectId });
  }
}
