// "CVAT for images 1.1": annotations.xml, CVAT's own format, which keeps what
// the colour-PNG layouts cannot: every mask whole (overlaps included), its
// label with its colour, and its attribute values with their definitions.
// Each mask is a <mask> with CVAT's run lengths over its box (row by row,
// starting with a run of background, comma-separated) and the box as left,
// top, width, height; z_order puts smaller masks over larger ones. Image
// elements stream to a temp file; the header (labels, and number attributes'
// ranges, known only at the end) is written when the archive closes.
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { maskBbox } from "@/lib/mask";
import type { AttributeValue, LabelAttribute } from "@/lib/schemas/label-attributes";
import type { ExportAnnotation, ExportCategory, ExportImage } from "./export-types";
import { decodeExportMask, type FormatWriter } from "./format-writer";
import type { ZipSink } from "./open-zip-sink";

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);

/** CVAT's mask runs: over the box, row by row, alternating background / object, background first. */
export function cvatMaskRuns(options: { image: ExportImage; annotation: ExportAnnotation }): { runs: number[]; left: number; top: number; width: number; height: number } {
  const mask = decodeExportMask(options);
  // From the pixels, not the stored box: the box CVAT needs is exactly the mask's.
  const [left, top, width, height] = maskBbox(mask);
  const runs: number[] = [0];
  let inside = false;
  for (let y = top; y < top + height; y++) {
    const row = y * mask.width;
    for (let x = left; x < left + width; x++) {
      const set = mask.data[row + x] !== 0;
      if (set !== inside) {
        runs.push(0);
        inside = set;
      }
      runs[runs.length - 1]! += 1;
    }
  }
  return { runs, left, top, width, height };
}

const attributeText = (value: AttributeValue) => (typeof value === "boolean" ? (value ? "true" : "false") : String(value));

/** Number attributes are CVAT "number" (min, max, step 1) when every exported value is a whole number, else "text". */
type NumberRange = { min: number; max: number; whole: boolean };

function labelXml(category: ExportCategory, ranges: Map<string, NumberRange>): string {
  const attributes = category.attributes.map((attribute: LabelAttribute) => {
    let inputType: string = attribute.type;
    let values = "";
    let defaultValue = "";
    if (attribute.type === "checkbox") [values, defaultValue] = ["false\ntrue", "false"];
    if (attribute.type === "select") [values, defaultValue] = [attribute.options.join("\n"), attribute.options[0] ?? ""];
    if (attribute.type === "number") {
      const range = ranges.get(`${category.labelClassId}\u0000${attribute.name}`) ?? { min: 0, max: 0, whole: true };
      if (range.whole) [values, defaultValue] = [`${range.min}\n${Math.max(range.max, range.min + 1)}\n1`, String(range.min)];
      else inputType = "text";
    }
    return `<attribute><name>${escapeXml(attribute.name)}</name><mutable>False</mutable><input_type>${inputType}</input_type><default_value>${escapeXml(defaultValue)}</default_value><values>${escapeXml(values)}</values></attribute>`;
  });
  return `      <label><name>${escapeXml(category.name)}</name><color>${category.color}</color><type>any</type><attributes>${attributes.join("")}</attributes></label>`;
}

export function createCvatWriter(options: { sink: ZipSink; workDir: string; categories: ExportCategory[]; projectName: string; createdAt: Date }): FormatWriter {
  const { sink, categories } = options;
  const bodyPath = path.join(options.workDir, "cvat-images.xml");
  const body = createWriteStream(bodyPath, { flags: "wx", mode: 0o600 });
  const ranges = new Map<string, NumberRange>();
  let imageCount = 0;

  const noteNumber = (category: ExportCategory, name: string, value: number) => {
    const key = `${category.labelClassId}\u0000${name}`;
    const range = ranges.get(key) ?? { min: Math.floor(value), max: Math.ceil(value), whole: true };
    ranges.set(key, { min: Math.min(range.min, Math.floor(value)), max: Math.max(range.max, Math.ceil(value)), whole: range.whole && Number.isInteger(value) });
  };

  return {
    async writeImage({ image, annotations }) {
      const masks = annotations.filter((annotation) => annotation.category !== null && annotation.area > 0);
      // Larger masks lower, smaller ones on top (ties: by id), as the other mask exports paint them.
      const order = [...masks].sort((a, b) => b.area - a.area || a.cocoId - b.cocoId);
      const lines = [`  <image id="${imageCount}" name="${escapeXml(image.fileName)}" width="${image.width}" height="${image.height}">`];
      for (const [zOrder, annotation] of order.entries()) {
        const category = annotation.category!;
        const { runs, left, top, width, height } = cvatMaskRuns({ image, annotation });
        const attributes = Object.entries(annotation.attributes).map(([name, value]) => {
          if (typeof value === "number") noteNumber(category, name, value);
          return `<attribute name="${escapeXml(name)}">${escapeXml(attributeText(value))}</attribute>`;
        });
        lines.push(
          `    <mask label="${escapeXml(category.name)}" source="manual" occluded="0" rle="${runs.join(", ")}" left="${left}" top="${top}" width="${width}" height="${height}" z_order="${zOrder}">${attributes.join("")}</mask>`,
        );
      }
      lines.push("  </image>");
      imageCount += 1;
      if (!body.write(`${lines.join("\n")}\n`)) await once(body, "drain");
    },
    async finish() {
      body.end();
      await once(body, "finish");
      const header = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<annotations>",
        "  <version>1.1</version>",
        "  <meta>",
        "    <task>",
        `      <name>${escapeXml(options.projectName)}</name>`,
        `      <size>${imageCount}</size>`,
        "      <mode>annotation</mode>",
        "      <overlap>0</overlap>",
        `      <created>${options.createdAt.toISOString()}</created>`,
        "      <labels>",
        ...categories.map((category) => labelXml(category, ranges)),
        "      </labels>",
        "    </task>",
        `    <dumped>${options.createdAt.toISOString()}</dumped>`,
        "  </meta>",
        "",
      ].join("\n");
      sink.addStream("annotations.xml", async function* content() {
        yield Buffer.from(header);
        for await (const chunk of createReadStream(bodyPath)) yield chunk as Buffer;
        yield Buffer.from("</annotations>\n");
      });
    },
  };
}
