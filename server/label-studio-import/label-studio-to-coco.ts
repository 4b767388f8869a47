// A Label Studio JSON export (a list of tasks) -> a COCO instances file for the
// COCO import. Per task, the last annotation not cancelled (else its first
// prediction) is read: brush masks ("brushlabels", Label Studio's RLE) and
// polygons ("polygonlabels", points in percent of the picture) become masks
// with the region's first label; other results (boxes, key points, choices,
// text) are counted and left out. The picture is the task's image URL's file
// name, looked up in the zip, else among the project's images, also without
// the 8-character prefix Label Studio adds to uploaded files.
import path from "node:path";
import { z } from "zod";
import { encodeMaskToRle } from "@/lib/mask";
import { AppError } from "../errors/app-error";
import { brushRleToMask } from "./decode-brush-rle";

const resultSchema = z.looseObject({
  type: z.string(),
  value: z.record(z.string(), z.unknown()).default({}),
  original_width: z.number().int().positive().optional(),
  original_height: z.number().int().positive().optional(),
});
const annotationSchema = z.looseObject({ result: z.array(resultSchema).default([]), was_cancelled: z.boolean().optional() });
const taskSchema = z.looseObject({
  id: z.union([z.number(), z.string()]).optional(),
  data: z.record(z.string(), z.unknown()),
  annotations: z.array(annotationSchema).default([]),
  predictions: z.array(annotationSchema).default([]),
});
const exportSchema = z.array(taskSchema, { error: "A Label Studio JSON export is a list of tasks" });

type Result = z.infer<typeof resultSchema>;
export type LabelStudioConversion = { json: Uint8Array; tasks: number; masks: number; tasksWithoutMasks: number; skipped: Record<string, number> };

const bad = (message: string) => new AppError("bad_request", message, { reason: "label_studio_json" });
/** Label Studio prefixes uploaded files with 8 hex characters and a dash. */
const withoutUploadPrefix = (name: string) => name.replace(/^[0-9a-f]{8}-/, "");

function imageUrlOf(data: Record<string, unknown>): string | null {
  const preferred = data.image ?? data.img ?? data.url;
  if (typeof preferred === "string") return preferred;
  const found = Object.values(data).find((value) => typeof value === "string" && /\.(jpe?g|png|webp|tiff?|gif|bmp|avif)(\?.*)?$/i.test(value));
  return typeof found === "string" ? found : null;
}

function labelOf(result: Result): string | null {
  const labels = result.value[result.type] ?? result.value.labels;
  return Array.isArray(labels) && typeof labels[0] === "string" && labels[0].trim() !== "" ? labels[0].trim() : null;
}

/** Picks the file name the COCO import will find: in the zip, or among the project's images. */
function resolveFileName(urlName: string, zipNames: ReadonlySet<string>, projectNames: ReadonlySet<string>): string {
  for (const name of [urlName, withoutUploadPrefix(urlName)]) if (zipNames.has(name) || projectNames.has(name)) return name;
  return urlName;
}

export function labelStudioToCoco(options: { json: Uint8Array; zipNames: readonly string[]; projectImageNames: readonly string[] }): LabelStudioConversion {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(options.json).toString("utf8"));
  } catch {
    throw bad("The file is not valid JSON.");
  }
  const tasks = exportSchema.safeParse(parsed);
  if (!tasks.success) throw bad(`This is not a Label Studio JSON export: ${tasks.error.issues[0]?.message ?? "unexpected shape"} (export the project as "JSON").`);
  const zipNames = new Set(options.zipNames.map((name) => path.posix.basename(name)));
  const projectNames = new Set(options.projectImageNames);
  const categories = new Map<string, number>();
  const images: { id: number; file_name: string; width: number; height: number }[] = [];
  const annotations: { id: number; image_id: number; category_id: number; segmentation: unknown; iscrowd: 0 }[] = [];
  const skipped: Record<string, number> = {};
  let tasksWithoutMasks = 0;
  for (const [index, task] of tasks.data.entries()) {
    const where = `Task ${task.id ?? index + 1}`;
    const chosen = [...task.annotations].reverse().find((annotation) => !annotation.was_cancelled) ?? task.predictions[0];
    const results = chosen?.result ?? [];
    const areas = results.filter((result) => result.type === "brushlabels" || result.type === "polygonlabels");
    for (const result of results) if (!areas.includes(result)) skipped[result.type] = (skipped[result.type] ?? 0) + 1;
    if (areas.length === 0) {
      tasksWithoutMasks += 1;
      continue;
    }
    const url = imageUrlOf(task.data);
    if (!url) throw bad(`${where} has no image URL in its data.`);
    const width = areas[0]!.original_width;
    const height = areas[0]!.original_height;
    if (!width || !height) throw bad(`${where}: its regions do not give original_width and original_height.`);
    const fileName = resolveFileName(path.posix.basename(decodeURIComponent(url.split("?")[0]!)), zipNames, projectNames);
    // Two tasks on one picture (an image imported twice into Label Studio) add to the same image.
    let imageId = images.find((image) => image.file_name === fileName)?.id;
    if (imageId === undefined) {
      imageId = images.length + 1;
      images.push({ id: imageId, file_name: fileName, width, height });
    }
    for (const result of areas) {
      const label = labelOf(result);
      if (!label) throw bad(`${where}: a ${result.type} region has no label.`);
      if (!categories.has(label)) categories.set(label, categories.size + 1);
      let segmentation: unknown;
      if (result.type === "brushlabels") {
        const rle = result.value.rle;
        if (result.value.format !== "rle" || !Array.isArray(rle) || !rle.every((byte) => Number.isInteger(byte) && byte >= 0 && byte <= 255)) {
          throw bad(`${where}: a brush region is not in Label Studio's "rle" format.`);
        }
        try {
          segmentation = encodeMaskToRle(brushRleToMask(rle as number[], width, height));
        } catch (error) {
          throw bad(`${where}: ${error instanceof Error ? error.message : String(error)}.`);
        }
      } else {
        const points = result.value.points;
        if (!Array.isArray(points) || points.length < 3 || !points.every((point) => Array.isArray(point) && point.length === 2 && point.every((v) => typeof v === "number" && Number.isFinite(v)))) {
          throw bad(`${where}: a polygon needs at least 3 points [x %, y %].`);
        }
        segmentation = [(points as [number, number][]).flatMap(([x, y]) => [(x * width) / 100, (y * height) / 100])];
      }
      annotations.push({ id: annotations.length + 1, image_id: imageId, category_id: categories.get(label)!, segmentation, iscrowd: 0 });
    }
  }
  if (images.length === 0) throw bad("No task has a brush mask or a polygon to import.");
  const json = { images, categories: [...categories.entries()].map(([name, id]) => ({ id, name })), annotations };
  return { json: Buffer.from(JSON.stringify(json)), tasks: tasks.data.length, masks: annotations.length, tasksWithoutMasks, skipped };
}
