// SA-1B layout: one JSON per image, sa1b/<stem>.json, shaped like the
// released dataset: {image: {image_id, width, height, file_name},
// annotations: [{id, segmentation (COCO RLE, compressed counts), bbox, area,
// predicted_iou, stability_score, crop_box, point_coords}]}. predicted_iou and
// stability_score are null for masks no model scored (manual, imported);
// crop_box defaults to the whole image, as for interactive annotation.
// Beyond SA-1B (class-agnostic): a labelled mask adds its `category` name and
// any `attributes` values.
import { attributesField, type FormatWriter } from "./format-writer";
import { readPromptGeometry } from "./read-prompt-geometry";
import { fileStem } from "./unique-export-file-names";
import type { ZipSink } from "./open-zip-sink";

export function createSa1bWriter(options: { sink: ZipSink }): FormatWriter {
  return {
    async writeImage({ image, annotations }) {
      const document = {
        image: {
          image_id: image.cocoId,
          width: image.width,
          height: image.height,
          file_name: image.fileName,
          ...attributesField(image.attributes),
        },
        annotations: annotations.map((annotation) => {
          const geometry = readPromptGeometry({ prompt: annotation.prompt });
          return {
            id: annotation.cocoId,
            segmentation: annotation.rle,
            bbox: annotation.bbox,
            area: annotation.area,
            predicted_iou: annotation.predictedIou,
            stability_score: annotation.stabilityScore,
            crop_box: geometry.cropBox ?? [0, 0, image.width, image.height],
            point_coords: geometry.pointCoords,
            ...(annotation.category ? { category: annotation.category.name } : {}),
            ...attributesField(annotation.attributes),
          };
        }),
      };
      options.sink.addBuffer(`sa1b/${fileStem(image.fileName)}.json`, Buffer.from(JSON.stringify(document)));
    },
    async finish() {},
  };
}
