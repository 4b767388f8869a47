// Colours for label classes nobody chose a colour for (new classes, pasted
// lists, COCO categories): distinct from each other and readable on light and
// dark pictures, taken in turn by position.
export const LABEL_PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45", "#469990", "#9a6324", "#800000", "#808000"] as const;

export function paletteColour(position: number): string {
  return LABEL_PALETTE[((position % LABEL_PALETTE.length) + LABEL_PALETTE.length) % LABEL_PALETTE.length]!;
}
