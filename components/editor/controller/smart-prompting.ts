// Runs the SAM decoder for the smart tool: each click re-decodes with the
// previous low-res mask as mask input; hover previews decode a single click
// under a resting cursor, but never while a prompt is being built (a hover
// decode would supersede the click's). Answers for a draft that changed
// meanwhile are dropped. Framework-free.
import type { DecodeOutcome } from "@/components/sam/decoder-client";
import type { DecodePrompt } from "@/lib/decoder/protocol";
import type { ImageSize } from "@/lib/sam/prompt-transform";
import { draftWithDecoded, selectedLogits, type Draft, type SmartShape } from "../core/draft";
import type { EditorStore } from "../core/editor-store";
import { HoverScheduler } from "../tools/hover-preview";

export type DecodeFn = (prompt: DecodePrompt, imageSize: ImageSize) => Promise<DecodeOutcome>;

/** When a decode was asked for and what the decoder reported, for the click-to-mask measurement. */
export interface DecodeTiming {
  startedAt: number;
  runMs: number;
  roundTripMs: number;
  iou: number;
}

export class SmartPrompting {
  /** Drafts whose mask came from a click/box, with when that click happened. */
  readonly timings = new WeakMap<Draft, DecodeTiming>();
  private pending: Promise<void> = Promise.resolve();
  private promptDecodes = 0;
  readonly hover: HoverScheduler;
  ready = false;
  hoverEnabled = true;

  constructor(
    private readonly options: {
      store: EditorStore;
      decode: DecodeFn;
      imageSize: ImageSize;
      onError: (message: string) => void;
      schedule?: (fn: () => void, ms: number) => () => void;
      now?: () => number;
    },
  ) {
    this.hover = new HoverScheduler({
      schedule: options.schedule ?? ((fn, ms) => clearTimeout.bind(null, setTimeout(fn, ms))),
      now: options.now ?? (() => performance.now()),
      request: (x, y, generation) => this.decodeHover(x, y, generation),
      clear: () => options.store.setHover(null),
    });
  }

  /** Resolves once the latest prompt's decode has answered (commit waits for it). */
  settled(): Promise<void> {
    return this.pending;
  }

  /**
   * Decodes `draft` (a smart draft just given a new point or box) and stores
   * the answer if the draft is still current. `maskInput`: the previous
   * answer's selected logits, fed back to refine.
   */
  decodeDraft(draft: Draft, options: { startedAt: number; maskInput: Float32Array | null }): void {
    if (draft.shape.kind !== "smart") return;
    const shape: SmartShape = draft.shape;
    const { store, decode, imageSize } = this.options;
    this.hover.cancel();
    this.promptDecodes++;
    const run = decode({ points: [...shape.points], box: shape.box, maskInput: options.maskInput }, imageSize).then(
      (outcome) => {
        if (outcome.status === "superseded") return;
        const r = outcome.result;
        const next = draftWithDecoded(draft, { lowResSize: r.lowResSize, count: r.maskCount, masks: r.masks, ious: r.ious, chosenIndex: r.chosenIndex });
        this.timings.set(next, { startedAt: options.startedAt, runMs: r.timings.runMs, roundTripMs: r.timings.roundTripMs, iou: r.chosenIou });
        store.updateDraft(draft, next);
      },
      (error: unknown) => {
        this.options.onError(`The decoder failed: ${error instanceof Error ? error.message : String(error)}`);
        const current = store.getState().draft;
        if (current === draft && current.shape.kind === "smart") store.updateDraft(current, { ...current, shape: { ...current.shape, pending: false } });
      },
    );
    const done = run.finally(() => {
      this.promptDecodes--;
    });
    this.pending = done;
  }

  /** The mask input for the next click on `draft`: its selected candidate's logits. */
  static maskInputOf(draft: Draft | null): Float32Array | null {
    if (!draft || draft.shape.kind !== "smart") return null;
    return selectedLogits(draft.shape)?.slice() ?? null;
  }

  /** Pointer moved over the image with the smart tool and no prompt: maybe preview. */
  pointerMoved(x: number, y: number): void {
    const { store } = this.options;
    const canHover = this.ready && this.hoverEnabled && store.getState().tool === "smart" && store.getState().draft === null;
    this.hover.setEnabled(canHover);
    if (canHover) this.hover.move(x, y);
  }

  private decodeHover(x: number, y: number, generation: number): void {
    const { store, decode, imageSize } = this.options;
    // Never supersede a click's decode with a preview.
    if (this.promptDecodes > 0 || store.getState().draft !== null) return;
    decode({ points: [{ x, y, positive: true }], box: null, maskInput: null }, imageSize).then(
      (outcome) => {
        if (outcome.status !== "done" || !this.hover.isCurrent(generation) || store.getState().draft !== null) return;
        store.setHover({ x, y, logits: outcome.result.chosenMask, lowResSize: outcome.result.lowResSize });
      },
      () => undefined, // a failed preview is not worth a message; clicks report errors
    );
  }
}
