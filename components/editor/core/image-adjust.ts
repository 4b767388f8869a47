// Brightness and contrast of the picture under the masks (dark or washed-out
// photos hide edges): the view setting and its filter string. Only the
// displayed picture changes (views/adjusted-image.ts); masks, the decoder's
// input and the stored image are untouched.

/** Percent, 100 = unchanged. */
export type ImageAdjust = { brightness: number; contrast: number };

export const NEUTRAL_ADJUST: ImageAdjust = { brightness: 100, contrast: 100 };
export const ADJUST_RANGE = { min: 30, max: 250 } as const;

export function clampAdjust(value: number): number {
  if (!Number.isFinite(value)) return 100;
  return Math.round(Math.min(ADJUST_RANGE.max, Math.max(ADJUST_RANGE.min, value)));
}

export function isNeutral(adjust: ImageAdjust): boolean {
  return adjust.brightness === 100 && adjust.contrast === 100;
}

/** The canvas filter for the adjustment, e.g. "brightness(140%) contrast(120%)". */
export function adjustFilter(adjust: ImageAdjust): string {
  return `brightness(${clampAdjust(adjust.brightness)}%) contrast(${clampAdjust(adjust.contrast)}%)`;
}
