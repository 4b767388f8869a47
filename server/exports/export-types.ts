// The in-memory view of what one export contains, shared by the selection
// queries and the per-format writers. Every id here is the integer id the
// exported files use; database ids appear only as `dbId`.
import type { CocoRle } from "@/lib/mask";
import type { AttributeValues, LabelAttribute } from "@/lib/schemas/label-attributes";

export type ExportCategory = {
  labelClassId: string;
  name: string;
  /** "#rrggbb", the class's colour in the editor (VOC / CVAT masks paint with it). */
  color: string;
  /** COCO category id (kept from a COCO import when there was one). */
  cocoId: number;
  /** 0-based position: YOLO class index; PNG class value is index + 1. */
  index: number;
  /** The class's attribute definitions: only values they define are exported. */
  attributes: LabelAttribute[];
};

export type ExportImage = {
  dbId: string;
  cocoId: number;
  /** Unique within the export (and by stem), safe as a zip entry name. */
  fileName: string;
  width: number;
  height: number;
  storageKey: string;
  /** The image's values of the project's image attributes ({} when none). */
  attributes: AttributeValues;
};

export type ExportAnnotation = {
  dbId: string;
  cocoId: number;
  category: ExportCategory | null;
  rle: CocoRle;
  area: number;
  bbox: [number, number, number, number];
  predictedIou: number | null;
  stabilityScore: number | null;
  prompt: unknown;
  /** The mask's attribute values its class currently defines; {} for an unlabelled mask. */
  attributes: AttributeValues;
};

export type ExportImageWithAnnotations = { image: ExportImage; annotations: ExportAnnotation[] };
