// Which class a colour in a Pascal VOC / CVAT "Segmentation mask" PNG means.
// CVAT writes labelmap.txt ("name:r,g,b:parts:actions" per line); plain VOC
// has none and uses its fixed palette for its 20 classes. Background (black,
// or a class named "background") and VOC's void border colour are no object.
import { AppError } from "../errors/app-error";

export type SegmentationClass = { name: string; colour: number };

/** VOC's "void" colour (224, 224, 192): object borders and difficult regions, left out. */
export const VOID_COLOUR = 0xe0e0c0;
export const BACKGROUND_COLOUR = 0x000000;

const VOC_CLASS_NAMES = [
  "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
  "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor",
];

/** VOC's palette: colour k spreads the bits of k over the high bits of R, G and B. */
export function vocPaletteColour(index: number): number {
  let r = 0;
  let g = 0;
  let b = 0;
  let k = index;
  for (let shift = 7; shift >= 0 && k > 0; shift--, k >>= 3) {
    r |= (k & 1) << shift;
    g |= ((k >> 1) & 1) << shift;
    b |= ((k >> 2) & 1) << shift;
  }
  return (r << 16) | (g << 8) | b;
}

export function vocDefaultClasses(): SegmentationClass[] {
  return VOC_CLASS_NAMES.map((name, index) => ({ name, colour: vocPaletteColour(index + 1) }));
}

export function colourText(colour: number): string {
  return `(${colour >> 16}, ${(colour >> 8) & 0xff}, ${colour & 0xff})`;
}

/** labelmap.txt: the classes in file order, background left out. */
export function parseLabelmap(options: { text: string; fileName: string }): SegmentationClass[] {
  const classes: SegmentationClass[] = [];
  const seen = new Map<number, string>();
  for (const [index, raw] of options.text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(.+?):\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?::.*)?$/.exec(line);
    const rgb = match ? [Number(match[2]), Number(match[3]), Number(match[4])] : [];
    if (!match || rgb.some((value) => value > 255)) {
      throw new AppError("bad_request", `${options.fileName}, line ${index + 1}: expected "name:r,g,b::", got "${line.slice(0, 80)}".`, { reason: "png_labelmap", line: index + 1 });
    }
    const name = match[1]!.trim();
    const colour = (rgb[0]! << 16) | (rgb[1]! << 8) | rgb[2]!;
    if (colour === BACKGROUND_COLOUR || name.toLowerCase() === "background") continue;
    const other = seen.get(colour);
    if (other !== undefined) {
      throw new AppError("bad_request", `${options.fileName}, line ${index + 1}: ${name} has the colour ${colourText(colour)} of ${other}.`, { reason: "png_labelmap", line: index + 1 });
    }
    seen.set(colour, name);
    classes.push({ name, colour });
  }
  return classes;
}
