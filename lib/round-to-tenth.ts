/** One decimal place, for seconds, clicks and per-image figures; null stays null (no data is not zero). */
export function roundToTenth(value: number): number;
export function roundToTenth(value: number | null): number | null;
export function roundToTenth(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
