// YOLO segmentation (Ultralytics layout): labels/<stem>.txt with one line per
// object, "<class> x1 y1 x2 y2 ..." where class is the 0-based line number in
// classes.txt and coordinates are normalised by the image width and height
// (6 decimals). Vertices are pixel corners of the mask's boundary; an object's
// parts and holes are joined into one ring by zero-width cuts, so filling the
// ring with the pixel-centre / even-odd rule gives back the exact mask
// (multiply by width/height: the 6-decimal rounding stays far below the 0.1 px
// that could move a boundary for images up to 200,000 px on a side).
// Every selected image gets a label file, empty when it has no objects (YOLO's
// convention for background images). data.yaml names the classes for Ultralytics.
// In a split export each part folder holds images/ and labels/ (Roboflow's
// layout) and one data.yaml at the top points at them.
import type { ExportCategory } from "./export-types";
import { decodeExportMask, type FormatWriter } from "./format-writer";
import { maskToSingleRing } from "./mask-to-export-rings";
import type { ZipSink } from "./open-zip-sink";
import { fileStem } from "./unique-export-file-names";

function normalised(value: number, size: number): string {
  const text = (value / size).toFixed(6);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** classes.txt and data.yaml; `parts` lists the split folders (none: one set under images/). */
export function writeYoloIndexFiles(options: { sink: ZipSink; categories: ExportCategory[]; includeImages: boolean; parts: readonly string[] }): void {
  const { sink, categories } = options;
  sink.addBuffer("classes.txt", Buffer.from(categories.map((category) => `${category.name}\n`).join("")));
  // JSON strings are valid YAML scalars, so any class name is quoted safely.
  const names = categories.map((category) => `  ${category.index}: ${JSON.stringify(category.name)}`).join("\n");
  const note = options.includeImages ? "" : "  # not included in this export";
  const folders =
    options.parts.length > 0
      ? options.parts.map((part) => `${part}: ${part}/images${note}`).join("\n")
      : `train: images${note}\nval: images${note}`;
  const namesBlock = categories.length > 0 ? `names:\n${names}\n` : "names: {}\n";
  sink.addBuffer("data.yaml", Buffer.from(`path: .\n${folders}\n${namesBlock}`));
}

export function createYoloWriter(options: {
  sink: ZipSink;
  categories: ExportCategory[];
  includeImages: boolean;
  /** false for one part of a split export: the archive's top holds them. */
  indexFiles?: boolean;
}): FormatWriter {
  const { sink } = options;
  return {
    async writeImage({ image, annotations }) {
      const lines: string[] = [];
      for (const annotation of annotations) {
        if (!annotation.category || annotation.area === 0) continue;
        const ring = maskToSingleRing({ mask: decodeExportMask({ image, annotation }) });
        const coords: string[] = [];
        for (let i = 0; i < ring.length; i += 2) {
          coords.push(normalised(ring[i] as number, image.width), normalised(ring[i + 1] as number, image.height));
        }
        lines.push(`${annotation.category.index} ${coords.join(" ")}`);
      }
      sink.addBuffer(`labels/${fileStem(image.fileName)}.txt`, Buffer.from(lines.map((line) => `${line}\n`).join("")));
    },
    async finish() {
      if (options.indexFiles !== false) writeYoloIndexFiles({ ...options, parts: [] });
    },
  };
}
