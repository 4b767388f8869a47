// Turns mask PNGs into the COCO instances the COCO import checks and writes
// (images, label classes and masks in one transaction). Masks go over as
// uncompressed RLE, exact to the pixel. A PNG holds one object per pixel, so
// where objects overlapped only the visible part of each comes back.
// - This project's PNG export: each instance value is an object, its class
//   from class_value in masks/classes.json.
// - VOC / CVAT: with SegmentationObject each object colour is an object, its
//   class the most common class colour under it; with SegmentationClass only,
//   each class colour present is one mask (the PNG tells no objects apart).
import path from "node:path";
import { z } from "zod";
import type { DatasetZip } from "../coco-import/import-converted-dataset";
import { readDisplaySize } from "../coco-import/read-display-size";
import { AppError } from "../errors/app-error";
import { isImageFileName } from "../images/list-import-files";
import { decodePngPixels, type PngPixels } from "./decode-png-pixels";
import { encodeValueRles, type ValueRle } from "./encode-value-rles";
import { findPngMaskLayout, type MaskwrightMaskSet, type VocMaskFile } from "./find-png-mask-sets";
import { BACKGROUND_COLOUR, colourText, parseLabelmap, vocDefaultClasses, VOID_COLOUR, type SegmentationClass } from "./segmentation-colour-map";

export type ProjectImageSize = { fileName: string; width: number; height: number };
export type PngMaskConversion = { json: Uint8Array; layout: "maskwright" | "voc"; images: number; objects: number; objectsWithoutClass: number };

type CocoOut = {
  images: { id: number; file_name: string; width: number; height: number }[];
  annotations: { id: number; image_id: number; category_id: number; segmentation: { size: [number, number]; counts: number[] }; area: number; bbox: number[]; iscrowd: 0; attributes?: Record<string, unknown> }[];
  categories: { id: number; name: string; color?: string }[];
};

const classesJsonSchema = z.object({
  classes: z.array(z.object({ value: z.number().int().positive(), name: z.string().min(1), color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional().catch(undefined) })),
});
const imageJsonSchema = z.object({
  file_name: z.string().min(1),
  objects: z.array(
    z.object({
      value: z.number().int().positive(),
      class_value: z.number().int().min(0),
      // Checked against the class's attributes by the COCO import, as a COCO file's would be.
      attributes: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});

function bad(message: string, reason: string, file?: string): AppError {
  return new AppError("bad_request", message, { reason, ...(file && { file }) });
}

async function decodeMask(zip: DatasetZip, name: string): Promise<PngPixels> {
  try {
    return decodePngPixels(await zip.read(name));
  } catch (error) {
    throw bad(`${name}: ${error instanceof Error ? error.message : String(error)}.`, "png_mask", name);
  }
}

async function readJson<T>(zip: DatasetZip, name: string, schema: z.ZodType<T>): Promise<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse((await zip.read(name)).toString("utf8"));
  } catch {
    throw bad(`${name} is not valid JSON.`, "png_json", name);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw bad(`${name} does not look like this project's PNG export (${result.error.issues[0]?.message ?? "unexpected shape"}).`, "png_json", name);
  return result.data;
}

/**
 * Where the picture of a mask is: in the zip (preferring `preferred`), else the
 * project's image with that file name, or with that stem for VOC; its size must
 * be the mask's.
 */
async function locateImage(options: {
  zip: DatasetZip;
  zipImages: Map<string, string[]>;
  projectImages: ProjectImageSize[];
  preferred: string | null;
  fileName: string | null;
  stem: string;
  maskPath: string;
  size: { width: number; height: number };
}): Promise<string> {
  const { zip, size } = options;
  const candidates = options.zipImages.get(options.stem) ?? [];
  const inZip = (options.preferred && candidates.includes(options.preferred) ? options.preferred : null) ?? (candidates.length === 1 ? candidates[0] : null);
  let fileName: string;
  let actual: { width: number; height: number };
  if (inZip) {
    fileName = inZip;
    actual = await readDisplaySize({ name: inZip, bytes: await zip.read(inZip), reason: "png_image" });
  } else {
    const matches = options.projectImages.filter((image) => (options.fileName ? image.fileName === path.posix.basename(options.fileName) : path.posix.parse(image.fileName).name === options.stem));
    if (matches.length !== 1) {
      const what = matches.length === 0 ? "is neither in the zip nor among the project's images" : "matches several of the project's images";
      throw bad(`${options.maskPath}: its picture (${options.fileName ?? `${options.stem}.*`}) ${what}.`, "png_missing_image", options.maskPath);
    }
    fileName = matches[0]!.fileName;
    actual = matches[0]!;
  }
  if (actual.width !== size.width || actual.height !== size.height) {
    throw bad(`${options.maskPath} is ${size.width}x${size.height} pixels but its picture ${fileName} is ${actual.width}x${actual.height}.`, "png_size_mismatch", options.maskPath);
  }
  return fileName;
}

function addAnnotation(out: CocoOut, imageId: number, categoryId: number, rle: ValueRle, size: { width: number; height: number }, attributes?: Record<string, unknown>): void {
  out.annotations.push({
    id: out.annotations.length + 1,
    image_id: imageId,
    category_id: categoryId,
    segmentation: { size: [size.height, size.width], counts: rle.counts },
    area: rle.area,
    bbox: rle.bbox,
    iscrowd: 0,
    ...(attributes && { attributes }),
  });
}

async function convertMaskwright(zip: DatasetZip, sets: MaskwrightMaskSet[], context: { zipImages: Map<string, string[]>; projectImages: ProjectImageSize[] }, out: CocoOut): Promise<number> {
  const categoryIds = new Map<string, number>();
  const colours = new Map<string, string>();
  let withoutClass = 0;
  for (const set of sets) {
    const listed = (await readJson(zip, set.classesPath, classesJsonSchema)).classes.sort((a, b) => a.value - b.value);
    // Every listed class becomes a label class, in order, used or not (as the YOLO import does with classes.txt).
    for (const entry of listed) {
      if (!categoryIds.has(entry.name)) categoryIds.set(entry.name, categoryIds.size + 1);
      if (entry.color) colours.set(entry.name, entry.color.toLowerCase());
    }
    const classes = new Map(listed.map((entry) => [entry.value, entry.name]));
    for (const file of set.files) {
      const described = await readJson(zip, file.jsonPath, imageJsonSchema);
      const pixels = await decodeMask(zip, file.instancesPath);
      if (pixels.kind !== "grey") throw bad(`${file.instancesPath}: an instance PNG is greyscale (8 or 16 bit), this one has colours.`, "png_mask", file.instancesPath);
      const stem = path.posix.parse(described.file_name).name;
      const fileName = await locateImage({ ...context, zip, preferred: `${set.prefix}images/${described.file_name}`, fileName: described.file_name, stem, maskPath: file.instancesPath, size: pixels });
      const imageId = out.images.length + 1;
      out.images.push({ id: imageId, file_name: fileName, width: pixels.width, height: pixels.height });
      const rles = encodeValueRles(pixels, (value) => value !== 0);
      for (const object of described.objects) {
        const rle = rles.get(object.value);
        const className = classes.get(object.class_value);
        if (!rle) continue; // drawn over entirely by smaller objects
        if (!className) {
          withoutClass += 1;
          continue;
        }
        addAnnotation(out, imageId, categoryIds.get(className)!, rle, pixels, object.attributes);
      }
    }
  }
  out.categories = [...categoryIds.entries()].map(([name, id]) => ({ id, name, ...(colours.has(name) && { color: colours.get(name) }) }));
  return withoutClass;
}

/** Per object colour, the class colour most of its pixels have (background and void not counted). */
function majorityClass(objects: PngPixels, classes: PngPixels): Map<number, number> {
  const votes = new Map<number, Map<number, number>>();
  for (let i = 0; i < objects.values.length; i++) {
    const object = objects.values[i] as number;
    const cls = classes.values[i] as number;
    if (object === BACKGROUND_COLOUR || object === VOID_COLOUR || cls === BACKGROUND_COLOUR || cls === VOID_COLOUR) continue;
    const tally = votes.get(object) ?? new Map<number, number>();
    tally.set(cls, (tally.get(cls) ?? 0) + 1);
    votes.set(object, tally);
  }
  const out = new Map<number, number>();
  for (const [object, tally] of votes) out.set(object, [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]);
  return out;
}

async function convertVoc(zip: DatasetZip, files: VocMaskFile[], classList: SegmentationClass[], context: { zipImages: Map<string, string[]>; projectImages: ProjectImageSize[] }, out: CocoOut): Promise<number> {
  const byColour = new Map(classList.map((entry, index) => [entry.colour, { name: entry.name, id: index + 1 }]));
  const isObject = (value: number) => value !== BACKGROUND_COLOUR && value !== VOID_COLOUR;
  const categoryFor = (colour: number, file: string) => {
    const found = byColour.get(colour);
    if (!found) throw bad(`${file}: the colour ${colourText(colour)} is not a class${classList.length === 20 ? " of VOC's palette (add a labelmap.txt)" : " in labelmap.txt"}.`, "png_unknown_colour", file);
    return found.id;
  };
  let withoutClass = 0;
  for (const file of files) {
    if (!file.classPath) throw bad(`${file.objectPath}: SegmentationClass/${file.stem}.png is missing (it gives each object's class).`, "png_missing_class", file.objectPath ?? undefined);
    const classes = await decodeMask(zip, file.classPath);
    const objects = file.objectPath ? await decodeMask(zip, file.objectPath) : null;
    if (objects && (objects.width !== classes.width || objects.height !== classes.height)) {
      throw bad(`${file.objectPath} is ${objects.width}x${objects.height} but ${file.classPath} is ${classes.width}x${classes.height}.`, "png_size_mismatch", file.objectPath ?? undefined);
    }
    const fileName = await locateImage({ ...context, zip, preferred: null, fileName: null, stem: file.stem, maskPath: file.classPath, size: classes });
    const imageId = out.images.length + 1;
    out.images.push({ id: imageId, file_name: fileName, width: classes.width, height: classes.height });
    if (!objects) {
      for (const [colour, rle] of encodeValueRles(classes, isObject)) addAnnotation(out, imageId, categoryFor(colour, file.classPath), rle, classes);
      continue;
    }
    const classOf = majorityClass(objects, classes);
    for (const [colour, rle] of encodeValueRles(objects, isObject)) {
      const classColour = classOf.get(colour);
      if (classColour === undefined) {
        withoutClass += 1;
        continue;
      }
      addAnnotation(out, imageId, categoryFor(classColour, file.classPath), rle, objects);
    }
  }
  // Every listed class becomes a label class, in order, used here or not: the label map is the class list,
  // and its colours become the new classes' colours.
  out.categories = classList.map((entry, index) => ({ id: index + 1, name: entry.name, color: `#${entry.colour.toString(16).padStart(6, "0")}` }));
  return withoutClass;
}

export async function pngMasksToCoco(options: { zip: DatasetZip; projectImages: ProjectImageSize[] }): Promise<PngMaskConversion> {
  const { zip } = options;
  const layout = findPngMaskLayout(zip.names);
  if (layout.kind === "none") {
    throw bad("The zip has no mask PNGs: expected masks/<name>_instances.png with masks/classes.json (this project's PNG export) or SegmentationClass/<name>.png (Pascal VOC, CVAT).", "png_no_masks");
  }
  const zipImages = new Map<string, string[]>();
  for (const name of zip.names) {
    if (!isImageFileName(name) || /(^|\/)(masks|SegmentationClass|SegmentationObject)\//i.test(name)) continue;
    const stem = path.posix.parse(name).name;
    zipImages.set(stem, [...(zipImages.get(stem) ?? []), name]);
  }
  const context = { zipImages, projectImages: options.projectImages };
  const out: CocoOut = { images: [], annotations: [], categories: [] };
  let withoutClass: number;
  if (layout.kind === "maskwright") {
    if (layout.missingJson.length > 0) throw bad(`${layout.missingJson[0]} is missing (it lists the objects of its instance PNG).`, "png_missing_json", layout.missingJson[0]);
    withoutClass = await convertMaskwright(zip, layout.sets, context, out);
  } else {
    const classList = layout.labelmapPath ? parseLabelmap({ text: (await zip.read(layout.labelmapPath)).toString("utf8"), fileName: layout.labelmapPath }) : vocDefaultClasses();
    withoutClass = await convertVoc(zip, layout.files, classList, context, out);
  }
  if (out.images.length === 0) throw bad("The zip's mask folders hold no mask PNGs.", "png_no_masks");
  return { json: Buffer.from(JSON.stringify(out)), layout: layout.kind, images: out.images.length, objects: out.annotations.length, objectsWithoutClass: withoutClass };
}
