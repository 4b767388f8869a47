// The audit record of a COCO import. Besides saying who imported what, it
// keeps the COCO ids of the imported images, annotations and categories, so a
// later export can give them back their original ids (there is no column for
// foreign ids in the schema). Pairs are [database id, COCO id].
export const COCO_IMPORT_ACTION = "coco.import";

export type CocoImportAuditData = {
  fileName: string;
  images: [string, number][];
  annotations: [string, number][];
  categories: [string, number][];
};
