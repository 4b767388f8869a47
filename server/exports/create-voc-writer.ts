// Pascal VOC / CVAT "Segmentation mask 1.1", the layout CVAT, Datumaro and
// most segmentation trainers read:
// - SegmentationClass/<stem>.png: RGB, each pixel its class's colour (black background);
// - SegmentationObject/<stem>.png: RGB, one colour per object (VOC's palette order);
// - labelmap.txt: "name:r,g,b::" per class, background first (CVAT's file);
// - ImageSets/Segmentation/default.txt: the image stems; pictures under JPEGImages/.
// A pixel holds one object, so overlaps are painted as in the PNG export
// (larger first, smaller on top). Masks without a class are left out: VOC has
// no object without one. This project's PNG import reads the archive back.
import { BACKGROUND_COLOUR, VOID_COLOUR, vocPaletteColour } from "../png-import/segmentation-colour-map";
import { encodeRgbPng } from "./encode-gray-png";
import type { ExportCategory } from "./export-types";
import { decodeExportMask, type FormatWriter } from "./format-writer";
import type { ZipSink } from "./open-zip-sink";
import { fileStem } from "./unique-export-file-names";

/** Folder of the pictures in this layout (the archive builder puts them there). */
export const VOC_IMAGE_FOLDER = "JPEGImages";
/** Objects per image: VOC's palette spreads 24 bits over R, G and B. */
const MAX_OBJECTS = 0xffffff - 1;

/**
 * One distinct colour per class: its own, unless black (background), VOC's
 * void colour or taken by an earlier class, then the first free VOC palette colour.
 */
export function vocClassColours(categories: readonly ExportCategory[]): Map<string, number> {
  const taken = new Set([BACKGROUND_COLOUR, VOID_COLOUR]);
  const colours = new Map<string, number>();
  let next = 1;
  for (const category of categories) {
    let colour = Number.parseInt(category.color.slice(1), 16);
    if (!/^#[0-9a-f]{6}$/i.test(category.color) || taken.has(colour)) {
      while (taken.has(vocPaletteColour(next))) next++;
      colour = vocPaletteColour(next);
    }
    taken.add(colour);
    colours.set(category.labelClassId, colour);
  }
  return colours;
}

/** The k-th object's colour (k from 1), skipping VOC's void colour (index 255), which readers drop. */
export function vocObjectColour(k: number): number {
  return vocPaletteColour(k >= 255 ? k + 1 : k);
}

const rgbText = (colour: number) => `${colour >>> 16},${(colour >>> 8) & 0xff},${colour & 0xff}`;

export function createVocWriter(options: { sink: ZipSink; categories: ExportCategory[] }): FormatWriter {
  const { sink, categories } = options;
  const classColours = vocClassColours(categories);
  const stems: string[] = [];
  return {
    async writeImage({ image, annotations }) {
      const labelled = annotations.filter((annotation) => annotation.category !== null);
      if (labelled.length > MAX_OBJECTS) throw new Error(`image ${image.fileName} has ${labelled.length} objects; VOC colours hold at most ${MAX_OBJECTS}`);
      const pixels = image.width * image.height;
      const classes = new Uint32Array(pixels);
      const objects = new Uint32Array(pixels);
      const listed = labelled.map((annotation, index) => ({ annotation, objectColour: vocObjectColour(index + 1) }));
      const paintOrder = [...listed].sort((a, b) => b.annotation.area - a.annotation.area || a.annotation.cocoId - b.annotation.cocoId);
      for (const { annotation, objectColour } of paintOrder) {
        const mask = decodeExportMask({ image, annotation }).data;
        const classColour = classColours.get(annotation.category!.labelClassId)!;
        for (let i = 0; i < pixels; i++) {
          if (mask[i] !== 0) {
            classes[i] = classColour;
            objects[i] = objectColour;
          }
        }
      }
      const stem = fileStem(image.fileName);
      const { width, height } = image;
      sink.addBuffer(`SegmentationClass/${stem}.png`, encodeRgbPng({ width, height, colours: classes }));
      sink.addBuffer(`SegmentationObject/${stem}.png`, encodeRgbPng({ width, height, colours: objects }));
      stems.push(stem);
    },
    async finish() {
      const lines = ["# label:color_rgb:parts:actions", "background:0,0,0::", ...categories.map((category) => `${category.name}:${rgbText(classColours.get(category.labelClassId)!)}::`)];
      sink.addBuffer("labelmap.txt", Buffer.from(`${lines.join("\n")}\n`));
      sink.addBuffer("ImageSets/Segmentation/default.txt", Buffer.from(stems.length > 0 ? `${stems.join("\n")}\n` : ""));
    },
  };
}
