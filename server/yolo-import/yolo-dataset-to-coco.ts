// Turns a YOLO segmentation dataset into the COCO instances the COCO import
// already checks and writes (images, label classes and masks in one
// transaction, nothing left behind on failure). Each polygon is rasterised
// here with YOLO's rule and handed over as an RLE mask, so the COCO side's
// polygon rule never applies to it.
import { encodeMaskToRle, maskArea, maskBbox, rasterizePolygons } from "@/lib/mask";
import type { DatasetZip } from "../coco-import/import-converted-dataset";
import { readDisplaySize } from "../coco-import/read-display-size";
import { AppError } from "../errors/app-error";
import { parseYoloClassNames } from "./parse-yolo-class-names";
import { parseYoloLabelFile } from "./parse-yolo-label-file";
import { pairYoloFiles } from "./pair-yolo-files";

export type YoloConversion = { json: Uint8Array; images: number; objects: number; emptyPolygons: number; classNames: string[] };

export async function yoloDatasetToCoco(zip: DatasetZip): Promise<YoloConversion> {
  const files = pairYoloFiles(zip.names);
  if (files.images.length === 0) throw new AppError("bad_request", "The zip has no images (.jpg, .png, .webp, .bmp, .tif, .gif).", { reason: "yolo_no_images" });
  if (files.orphanLabels.length > 0) {
    const shown = files.orphanLabels.slice(0, 3).join(", ");
    throw new AppError("bad_request", `${files.orphanLabels.length} label file(s) have no image in the zip: ${shown}${files.orphanLabels.length > 3 ? " …" : ""}.`, { reason: "yolo_orphan_labels", files: files.orphanLabels.slice(0, 20) });
  }
  const named = parseYoloClassNames({
    classesTxt: files.classesPath ? (await zip.read(files.classesPath)).toString("utf8") : undefined,
    dataYaml: !files.classesPath && files.yamlPath ? (await zip.read(files.yamlPath)).toString("utf8") : undefined,
  });
  const images: { id: number; file_name: string; width: number; height: number }[] = [];
  const annotations: { id: number; image_id: number; category_id: number; segmentation: unknown; area: number; bbox: number[]; iscrowd: 0 }[] = [];
  let maxClass = -1;
  let emptyPolygons = 0;
  for (const [index, entry] of files.images.entries()) {
    const id = index + 1;
    const { width, height } = await readDisplaySize({ name: entry.imagePath, bytes: await zip.read(entry.imagePath), reason: "yolo_image" });
    images.push({ id, file_name: entry.imagePath, width, height });
    if (!entry.labelPath) continue;
    const objects = parseYoloLabelFile({ text: (await zip.read(entry.labelPath)).toString("utf8"), labelPath: entry.labelPath, width, height });
    for (const object of objects) {
      if (named && object.classIndex >= named.length) {
        throw new AppError("bad_request", `${entry.labelPath}, line ${object.line}: class ${object.classIndex} is not among the ${named.length} class names.`, { reason: "yolo_class", file: entry.labelPath, line: object.line });
      }
      maxClass = Math.max(maxClass, object.classIndex);
      const mask = rasterizePolygons([object.ring], width, height);
      const area = maskArea(mask);
      // A sliver that covers no pixel centre has no mask to store.
      if (area === 0) {
        emptyPolygons += 1;
        continue;
      }
      const rle = encodeMaskToRle(mask);
      annotations.push({ id: annotations.length + 1, image_id: id, category_id: object.classIndex + 1, segmentation: rle, area, bbox: maskBbox(mask), iscrowd: 0 });
    }
  }
  const classNames = named ?? Array.from({ length: maxClass + 1 }, (_, index) => `class ${index}`);
  // Every named class becomes a label class (in order), used in this zip or not: the names file is the class list.
  const categories = classNames.map((name, index) => ({ id: index + 1, name }));
  const json = Buffer.from(JSON.stringify({ images, annotations, categories }));
  return { json, images: images.length, objects: annotations.length, emptyPolygons, classNames };
}
