// PNG masks, per image:
// - masks/<stem>_instances.png: 16-bit greyscale; 0 = background, k = the
//   object listed with "value": k in masks/<stem>.json (k = 1..65535).
// - masks/<stem>_classes.png: greyscale, 8-bit (16-bit when there are more than
//   255 classes); 0 = background, c = class index + 1 (masks/classes.json).
// A pixel holds one object, so where masks overlap, larger objects are painted
// first and smaller ones on top (ties: by id): a small part stays visible on
// the whole it belongs to. Masks without a class are left out. Each object's
// attribute values ride in masks/<stem>.json, each class's colour in classes.json.
import type { ExportCategory } from "./export-types";
import { attributesField, decodeExportMask, type FormatWriter } from "./format-writer";
import { encodeGrayPng } from "./encode-gray-png";
import type { ZipSink } from "./open-zip-sink";
import { fileStem } from "./unique-export-file-names";

const MAX_INSTANCES = 0xffff;

export function createPngWriter(options: { sink: ZipSink; categories: ExportCategory[] }): FormatWriter {
  const { sink, categories } = options;
  const wideClasses = categories.length > 0xff;
  return {
    async writeImage({ image, annotations }) {
      const labelled = annotations.filter((annotation) => annotation.category !== null);
      if (labelled.length > MAX_INSTANCES) {
        throw new Error(`image ${image.fileName} has ${labelled.length} objects; the instance PNG holds at most ${MAX_INSTANCES}`);
      }
      const pixels = image.width * image.height;
      const instances = new Uint16Array(pixels);
      const classes = wideClasses ? new Uint16Array(pixels) : new Uint8Array(pixels);
      const listed = labelled.map((annotation, index) => ({ annotation, value: index + 1 }));
      const paintOrder = [...listed].sort((a, b) => b.annotation.area - a.annotation.area || a.annotation.cocoId - b.annotation.cocoId);
      for (const { annotation, value } of paintOrder) {
        const mask = decodeExportMask({ image, annotation }).data;
        const classValue = (annotation.category?.index ?? -1) + 1;
        for (let i = 0; i < pixels; i++) {
          if (mask[i] !== 0) {
            instances[i] = value;
            classes[i] = classValue;
          }
        }
      }
      const stem = fileStem(image.fileName);
      sink.addBuffer(`masks/${stem}_instances.png`, encodeGrayPng({ width: image.width, height: image.height, pixels: instances }), { compress: false });
      sink.addBuffer(`masks/${stem}_classes.png`, encodeGrayPng({ width: image.width, height: image.height, pixels: classes }), { compress: false });
      const objects = listed.map(({ annotation, value }) => ({
        value,
        id: annotation.cocoId,
        category_id: annotation.category?.cocoId ?? null,
        class_value: (annotation.category?.index ?? -1) + 1,
        area: annotation.area,
        bbox: annotation.bbox,
        ...attributesField(annotation.attributes),
      }));
      sink.addBuffer(
        `masks/${stem}.json`,
        Buffer.from(JSON.stringify({ image_id: image.cocoId, file_name: image.fileName, width: image.width, height: image.height, objects })),
      );
    },
    async finish() {
      const list = categories.map((category) => ({ value: category.index + 1, category_id: category.cocoId, name: category.name, color: category.color }));
      sink.addBuffer("masks/classes.json", Buffer.from(JSON.stringify({ background: 0, classes: list }, null, 2)));
    },
  };
}
