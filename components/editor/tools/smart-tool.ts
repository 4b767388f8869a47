// Smart click / box tool. A press adds its point at once (so the decode
// starts on pointerdown, not pointerup); if the left button then drags
// further than a few screen pixels, the point is taken back and the drag
// becomes a box prompt. Left = object point; right or Shift = background.
import type { PromptBox, PromptPoint } from "@/lib/sam/prompt-transform";
import { screenDistance, type PointerInput } from "./pointer-input";

export const BOX_DRAG_THRESHOLD_PX = 6;

export type SmartToolState =
  | { phase: "idle" }
  | { phase: "pressed"; down: PointerInput; canBox: boolean }
  | { phase: "boxing"; down: PointerInput; current: PointerInput };

export type SmartToolAction =
  | { kind: "point"; point: PromptPoint; at: number }
  | { kind: "retractPoint" }
  | { kind: "boxPreview"; box: PromptBox | null }
  | { kind: "box"; box: PromptBox; at: number };

export const SMART_IDLE: SmartToolState = { phase: "idle" };

type Step = { state: SmartToolState; actions: SmartToolAction[] };

function boxOf(a: PointerInput, b: PointerInput): PromptBox {
  return { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) };
}

export function smartDown(state: SmartToolState, input: PointerInput): Step {
  if (state.phase !== "idle" || (input.button !== 0 && input.button !== 2)) return { state, actions: [] };
  const positive = input.button === 0 && !input.shift;
  return {
    state: { phase: "pressed", down: input, canBox: positive },
    actions: [{ kind: "point", point: { x: input.x, y: input.y, positive }, at: input.at }],
  };
}

export function smartMove(state: SmartToolState, input: PointerInput): Step {
  if (state.phase === "pressed") {
    if (!state.canBox || screenDistance(state.down, input) < BOX_DRAG_THRESHOLD_PX) return { state, actions: [] };
    return {
      state: { phase: "boxing", down: state.down, current: input },
      actions: [{ kind: "retractPoint" }, { kind: "boxPreview", box: boxOf(state.down, input) }],
    };
  }
  if (state.phase === "boxing") {
    return { state: { ...state, current: input }, actions: [{ kind: "boxPreview", box: boxOf(state.down, input) }] };
  }
  return { state, actions: [] };
}

export function smartUp(state: SmartToolState, input: PointerInput): Step {
  if (state.phase === "boxing") {
    return { state: SMART_IDLE, actions: [{ kind: "boxPreview", box: null }, { kind: "box", box: boxOf(state.down, input), at: input.at }] };
  }
  return { state: SMART_IDLE, actions: [] };
}

/** Pointer lost (left the stage, capture lost): a box in progress is dropped. */
export function smartCancel(state: SmartToolState): Step {
  return { state: SMART_IDLE, actions: state.phase === "boxing" ? [{ kind: "boxPreview", box: null }] : [] };
}
