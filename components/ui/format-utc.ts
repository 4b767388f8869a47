/** "2026-12-07 06:55:11 UTC": unambiguous in every locale, and the same on server and browser. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
