// COCO instances JSON: annotations/instances.json. Segmentation is COCO RLE
// with compressed counts (pycocotools' exact string) and iscrowd 0; with the
// polygon option it is a list of polygons instead, one per part, holes joined
// by zero-width cuts, which pycocotools' annToRLE rasterises back to the same
// pixels. area and bbox are pycocotools' area/toBbox of the mask.
import { createCocoJsonWriter } from "./create-coco-json-writer";
import type { ExportCategory } from "./export-types";
import { attributesField, decodeExportMask, type FormatWriter } from "./format-writer";
import { maskToCocoRings } from "./mask-to-export-rings";
import type { ZipSink } from "./open-zip-sink";

export const COCO_JSON_ENTRY = "annotations/instances.json";

export function createCocoWriter(options: {
  sink: ZipSink;
  workDir: string;
  categories: ExportCategory[];
  polygons: boolean;
  description: string;
  createdAt: Date;
}): FormatWriter {
  const json = createCocoJsonWriter({
    workDir: options.workDir,
    info: { description: options.description, version: "1.0", year: options.createdAt.getUTCFullYear(), date_created: options.createdAt.toISOString() },
    // "color" is not COCO's (pycocotools ignores it); this project's COCO import gives it back to the class.
    categories: options.categories.map((category) => ({ id: category.cocoId, name: category.name, supercategory: "", color: category.color })),
  });
  return {
    async writeImage({ image, annotations }) {
      await json.addImage({
        id: image.cocoId,
        file_name: image.fileName,
        width: image.width,
        height: image.height,
        ...attributesField(image.attributes),
      });
      for (const annotation of annotations) {
        if (!annotation.category) continue;
        // An empty mask has no polygon; it keeps its RLE so the annotation is not lost.
        const segmentation = options.polygons && annotation.area > 0 ? maskToCocoRings({ mask: decodeExportMask({ image, annotation }) }) : annotation.rle;
        await json.addAnnotation({
          id: annotation.cocoId,
          image_id: image.cocoId,
          category_id: annotation.category.cocoId,
          segmentation,
          area: annotation.area,
          bbox: annotation.bbox,
          iscrowd: 0,
          // CVAT's COCO export carries attributes the same way; other tools ignore the key.
          ...attributesField(annotation.attributes),
        });
      }
    },
    async finish() {
      options.sink.addStream(COCO_JSON_ENTRY, await json.close());
    },
  };
}
