// The pointer event every tool state machine takes: positions in image
// pixels (and screen pixels for drag thresholds), buttons and modifiers.
export interface PointerInput {
  x: number;
  y: number;
  screenX: number;
  screenY: number;
  /** 0 left, 1 middle, 2 right. */
  button: number;
  shift: boolean;
  alt: boolean;
  /** performance.now() of the event. */
  at: number;
}

export function screenDistance(a: { screenX: number; screenY: number }, b: { screenX: number; screenY: number }): number {
  return Math.hypot(a.screenX - b.screenX, a.screenY - b.screenY);
}
