// Brush / eraser strokes: press starts a stroke, each move paints the
// segment from the previous position, release ends it. The controller turns
// segments into ops recorded under the stroke's merge key (one undo step).
import type { PointerInput } from "./pointer-input";

export type BrushToolState =
  | { phase: "idle" }
  | { phase: "painting"; strokeId: number; last: { x: number; y: number }; lastAt: number; value: 0 | 1 };

export type BrushToolAction =
  | { kind: "segment"; strokeId: number; from: { x: number; y: number }; to: { x: number; y: number }; value: 0 | 1; seconds: number; first: boolean }
  | { kind: "end"; strokeId: number };

export const BRUSH_IDLE: BrushToolState = { phase: "idle" };

type Step = { state: BrushToolState; actions: BrushToolAction[] };

/** `erase` is the eraser tool, or the brush with Alt held. */
export function brushDown(state: BrushToolState, input: PointerInput, options: { strokeId: number; erase: boolean }): Step {
  if (state.phase !== "idle" || input.button !== 0) return { state, actions: [] };
  const value: 0 | 1 = options.erase !== input.alt ? 0 : 1;
  const point = { x: input.x, y: input.y };
  return {
    state: { phase: "painting", strokeId: options.strokeId, last: point, lastAt: input.at, value },
    actions: [{ kind: "segment", strokeId: options.strokeId, from: point, to: point, value, seconds: 0, first: true }],
  };
}

export function brushMove(state: BrushToolState, input: PointerInput): Step {
  if (state.phase !== "painting") return { state, actions: [] };
  const to = { x: input.x, y: input.y };
  if (to.x === state.last.x && to.y === state.last.y) return { state, actions: [] };
  return {
    state: { ...state, last: to, lastAt: input.at },
    actions: [
      { kind: "segment", strokeId: state.strokeId, from: state.last, to, value: state.value, seconds: Math.max(0, input.at - state.lastAt) / 1000, first: false },
    ],
  };
}

export function brushUp(state: BrushToolState): Step {
  if (state.phase !== "painting") return { state, actions: [] };
  return { state: BRUSH_IDLE, actions: [{ kind: "end", strokeId: state.strokeId }] };
}
