// How opaque masks are drawn, a view setting shared by the editor and the
// review page: O steps through full, half and faint; a slider sets any value.

export const MIN_MASK_OPACITY = 0.1;
/** What O steps through: full, half, faint. */
export const MASK_OPACITY_STEPS = [1, 0.6, 0.3] as const;

/** The next of MASK_OPACITY_STEPS below the current opacity, wrapping to full (a slider value between steps goes to the next lower one). */
export function nextOpacityStep(current: number): number {
  return MASK_OPACITY_STEPS.find((step) => step < current - 1e-6) ?? MASK_OPACITY_STEPS[0];
}
