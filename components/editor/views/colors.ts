// Colours for objects: the label class's colour, or a stable palette colour
// for unlabelled objects (so neighbours stay tellable apart).
export type Rgb = readonly [number, number, number];

const PALETTE: Rgb[] = [
  [59, 130, 246],
  [234, 88, 12],
  [22, 163, 74],
  [219, 39, 119],
  [147, 51, 234],
  [202, 138, 4],
  [13, 148, 136],
  [220, 38, 38],
];

export function parseHexColor(hex: string): Rgb | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return null;
  const value = Number.parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function paletteColor(key: string): Rgb {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? [59, 130, 246];
}

export function objectColor(options: { objectId: string; labelClassId: string | null; labels: readonly { id: string; color: string }[] }): Rgb {
  const label = options.labels.find((l) => l.id === options.labelClassId);
  return (label && parseHexColor(label.color)) ?? paletteColor(options.objectId);
}

export function rgbCss(color: Rgb, alpha = 1): string {
  return `rgba(${color[0]}, ${color[1]}, ${color[2]}, ${alpha})`;
}
