// README.txt at the root of every export: the layout and the exact value
// encodings of the chosen format, so the archive explains itself.
import { NEAR_DUPLICATE_MAX_DISTANCE } from "@/lib/images/near-duplicates";
import { EXPORT_SPLIT_PARTS, type ExportOptions, type ExportSplit, type ExportSplitPart } from "@/lib/schemas/exports";

const COMMON = `Masks are exactly the stored masks. COCO RLE strings are pycocotools' compressed
counts (column-major runs, starting with background); area and bbox are
pycocotools' mask.area and mask.toBbox ([x, y, width, height], integers).
Image ids, annotation ids and category ids are kept from a COCO import where
there was one; other objects are numbered after the largest id in use.`;

const FORMAT_TEXT: Record<ExportOptions["format"], string> = {
  coco: `Format: COCO instances
  annotations/instances.json  {info, licenses, categories, images, annotations}
  Each annotation: iscrowd 0, segmentation = COCO RLE {size: [height, width], counts}
  (or, with "polygons", a list of rings [x1, y1, x2, y2, ...] on pixel corners:
  one ring per part, holes joined by zero-width cuts; pycocotools' annToRLE
  rasterises them back to exactly the same pixels).
  Masks without a label class are not exported (COCO needs a category).`,
  sa1b: `Format: SA-1B
  sa1b/<image stem>.json  {image: {image_id, width, height, file_name}, annotations: [...]}
  Each annotation: id, segmentation (COCO RLE, compressed counts), bbox, area,
  predicted_iou and stability_score (null when no model scored the mask),
  crop_box [x, y, w, h] (the whole image unless the prompt had a crop),
  point_coords [[x, y], ...] (the foreground points of the prompt, if any).`,
  yolo: `Format: YOLO segmentation (Ultralytics)
  classes.txt        one class name per line; line number (from 0) = class index
  data.yaml          the same names for Ultralytics
  labels/<stem>.txt  one object per line: <class index> x1 y1 x2 y2 ... (normalised 0..1, 6 decimals)
  Vertices are pixel corners of the mask boundary (multiply by width/height).
  Parts and holes of one object are joined into one ring by zero-width cuts, so
  an even-odd / pixel-centre fill of the ring gives back exactly the mask.`,
  png: `Format: PNG masks
  masks/<stem>_instances.png  16-bit greyscale: 0 = background, k = object "value" k in masks/<stem>.json
  masks/<stem>_classes.png    8-bit greyscale (16-bit above 255 classes): 0 = background, c = class "value" c
  masks/<stem>.json           {image_id, file_name, width, height, objects: [{value, id, category_id, class_value, area, bbox, attributes?}]}
  masks/classes.json          {background: 0, classes: [{value, category_id, name, color}]}
  Overlaps: larger objects are painted first, smaller ones on top.`,
  voc: `Format: Pascal VOC / CVAT "Segmentation mask 1.1"
  SegmentationClass/<stem>.png   RGB: each pixel the colour of its class in labelmap.txt, black = background
  SegmentationObject/<stem>.png  RGB: one colour per object (VOC's palette: 128,0,0 then 0,128,0, ...; 224,224,192 unused)
  labelmap.txt                   CVAT's class list, "name:r,g,b::" per line, background first; a class keeps its
                                 editor colour unless black or shared, then it gets a free VOC palette colour
  ImageSets/Segmentation/default.txt  the image stems, one per line
  Overlaps: larger objects are painted first, smaller ones on top (a pixel holds one object).
  Masks without a label class are not exported (VOC needs a class). Import in CVAT as "Segmentation mask 1.1".`,
  cvat: `Format: CVAT for images 1.1 (import in CVAT as "CVAT 1.1", with the images/ folder for a dataset)
  annotations.xml  <meta><task><labels>: each class with its colour and attributes (yes/no -> checkbox,
                   list -> select, text -> text, number -> number when every value is whole, else text)
                   <image id name width height>: one <mask> per labelled mask, whole (overlaps kept):
                   rle = runs over the mask's box row by row, background first, "a, b, c, ..."; left, top,
                   width, height = the box; z_order: larger masks below smaller ones; <attribute name>value</attribute>
  Masks without a label class are not exported (CVAT needs a label); image attributes have no place in the format.`,
};

function describeSplit(split: ExportSplit, counts: Record<ExportSplitPart, number>, format: ExportOptions["format"], nearDuplicateGroups: number[]): string {
  const parts = EXPORT_SPLIT_PARTS.filter((part) => split[part] > 0);
  const sizes = parts.map((part) => `${part} ${split[part]}% (${counts[part]} images)`).join(", ");
  const top = format === "yolo" ? " classes.txt and data.yaml are at the top; data.yaml points at each part's images/." : "";
  return [
    `Split: ${sizes}; seed ${split.seed}. The images were shuffled by a hash of the seed and`,
    `their id, so the same seed over the same images gives the same split.`,
    `Each part is a folder (${parts.map((part) => `${part}/`).join(", ")}) laid out as described below.${top}`,
    ...(split.keepNearDuplicatesTogether
      ? [
          `Near-duplicate pictures were kept in one part: ${nearDuplicateGroups.length} group(s) of ${nearDuplicateGroups.reduce((sum, size) => sum + size, 0)} images`,
          `(difference hashes at most ${NEAR_DUPLICATE_MAX_DISTANCE} bits apart), so part sizes can differ from the percentages by a few images.`,
        ]
      : []),
  ].join("\n");
}

export function describeExportArchive(options: {
  options: ExportOptions;
  projectName: string;
  createdAt: Date;
  /** Images per part when the export is split. */
  splitCounts: Record<ExportSplitPart, number> | null;
  /** Sizes of the near-duplicate groups kept together (exported images only). */
  nearDuplicateGroups?: number[];
  /** Pictures left out as near-duplicates of an older one. */
  nearDuplicatesLeftOut?: number;
}): string {
  const { options: exportOptions } = options;
  const imageFolder = exportOptions.format === "voc" ? "JPEGImages" : "images";
  const images = exportOptions.includeImages ? `${imageFolder}/<file name>  the original image files (whatever their type)\n` : "Images are not included.\n";
  const split = exportOptions.split && options.splitCounts ? [describeSplit(exportOptions.split, options.splitCounts, exportOptions.format, options.nearDuplicateGroups ?? []), ""] : [];
  return [
    `Maskwright export of "${options.projectName}", ${options.createdAt.toISOString()}`,
    `Filter: task status ${exportOptions.statuses.join(", ")}; ${exportOptions.batchId ? `batch ${exportOptions.batchId}` : "whole project"}; ${exportOptions.labelClassIds.length > 0 ? `${exportOptions.labelClassIds.length} label class(es)` : "all label classes"}${exportOptions.reviewedOnly ? "; reviewed images only (those accepted without review left out)" : ""}.`,
    ...(exportOptions.dropNearDuplicates
      ? [`Near-duplicates: ${options.nearDuplicatesLeftOut ?? 0} picture(s) left out as near-duplicates of an older one (difference hashes at most ${NEAR_DUPLICATE_MAX_DISTANCE} bits apart).`]
      : []),
    ...(exportOptions.maxSide
      ? [`Resized: images whose longest side was over ${exportOptions.maxSide} px were scaled down to it with their masks (a mask pixel is set where at least half its source pixels were; objects under one pixel left out); widths, heights, boxes and areas are of the resized images.`]
      : []),
    "",
    ...split,
    FORMAT_TEXT[exportOptions.format],
    "",
    images,
    COMMON,
    "",
  ].join("\n");
}
