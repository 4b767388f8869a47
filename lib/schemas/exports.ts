// Contracts of the dataset export and COCO import routes, shared by the
// route handlers, the worker (export options are stored as JSON on the Export
// row and re-validated when the job runs) and the export page.
import { z } from "zod";
import { TASK_STATUSES } from "./tasks";

export const EXPORT_FORMATS = ["coco", "sa1b", "yolo", "png", "voc", "cvat"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  coco: "COCO instances JSON (RLE)",
  sa1b: "SA-1B per-image JSON",
  yolo: "YOLO segmentation (txt + classes)",
  png: "PNG masks (instance id + class index)",
  voc: "Pascal VOC / CVAT masks (colour PNGs + labelmap)",
  cvat: "CVAT for images 1.1 (XML: masks, labels, attributes)",
};

export { TASK_STATUSES };

const cuidLike = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");

export const EXPORT_SPLIT_PARTS = ["train", "val", "test"] as const;
export type ExportSplitPart = (typeof EXPORT_SPLIT_PARTS)[number];

const percent = (part: ExportSplitPart) =>
  z.number({ error: `${part} must be a whole percentage` }).int(`${part} must be a whole percentage`).min(0, `${part} is at least 0`).max(100, `${part} is at most 100`);

/**
 * Train / val / test percentages (whole numbers adding up to 100). The seed
 * picks which images go where; the same seed and the same selected images
 * give the same split.
 */
export const exportSplitSchema = z
  .object({
    train: percent("train"),
    val: percent("val"),
    test: percent("test"),
    seed: z.number().int("seed must be a whole number").min(0, "seed is at least 0").max(2_147_483_647, "seed is at most 2147483647").default(0),
    /** Near-duplicate pictures go to one part together, so a copy of a test picture cannot sit in train. */
    keepNearDuplicatesTogether: z.boolean({ error: "keepNearDuplicatesTogether must be true or false" }).default(false),
  })
  .refine((split) => split.train + split.val + split.test === 100, "train, val and test must add up to 100")
  .refine((split) => [split.train, split.val, split.test].filter((value) => value > 0).length >= 2, "a split needs at least two parts above 0%");
export type ExportSplit = z.infer<typeof exportSplitSchema>;

/** What a manager chooses on the export page; stored as Export.options. */
export const exportOptionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  /** Only images with a task in this batch; null = the whole project. */
  batchId: cuidLike.nullable().default(null),
  /** Images qualify when any of their tasks has one of these statuses. */
  statuses: z.array(z.enum(TASK_STATUSES)).min(1, "Choose at least one task status").default(["accepted"]),
  /** Empty = every label class. */
  labelClassIds: z.array(cuidLike).max(500).default([]),
  includeImages: z.boolean().default(false),
  /** COCO only: add `polygons` (derived from the masks) beside the RLE `segmentation`. */
  cocoPolygons: z.boolean().default(false),
  /** Scale images (and masks) down so the longest side is at most this; null = original size. */
  maxSide: z
    .number({ error: "maxSide must be a number of pixels" })
    .int("maxSide must be a whole number of pixels")
    .min(32, "maxSide is at least 32 px")
    .max(16384, "maxSide is at most 16384 px")
    .nullable()
    .default(null),
  /** Leave out images accepted without review (review sampling): only what a reviewer accepted. */
  reviewedOnly: z.boolean({ error: "reviewedOnly must be true or false" }).default(false),
  /** One picture per near-duplicate group (the oldest); the others are left out. */
  dropNearDuplicates: z.boolean({ error: "dropNearDuplicates must be true or false" }).default(false),
  /** Split the images into train / val / test folders; null = one set. */
  split: exportSplitSchema.nullable().default(null),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export const startExportInput = exportOptionsSchema;
export type StartExportInput = z.input<typeof startExportInput>;

export const exportIdParam = cuidLike;

/** PATCH /api/exports/:id: keep a finished export (no expiry) or let it expire again. */
export const keepExportInput = z.object({ keep: z.boolean({ error: "keep must be true or false" }) });

export const EXPORT_STATUSES = ["queued", "running", "done", "failed", "expired"] as const;
export type ExportStatusName = (typeof EXPORT_STATUSES)[number];

/** The export row as the API returns it (storage keys stay on the server). */
export type ExportSummary = {
  id: string;
  projectId: string;
  format: ExportFormat;
  options: ExportOptions;
  status: ExportStatusName;
  /** 0..1 */
  progress: number;
  error: string | null;
  byteSize: number | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  createdByName: string | null;
  /** Present only while the file can be downloaded. */
  downloadUrl: string | null;
};

/** Payload of the "export:progress" socket event (project room). */
export type ExportProgressEvent = Pick<
  ExportSummary,
  "id" | "projectId" | "status" | "progress" | "error" | "byteSize" | "downloadUrl" | "finishedAt" | "expiresAt"
>;

/** Non-file fields of the COCO import form (multipart/form-data). */
export const cocoImportFields = z.object({
  /** Admin only: a folder under MASKWRIGHT_IMPORT_ROOT holding the images. */
  folder: z
    .string()
    .trim()
    .max(1024, "Folder path is at most 1024 characters")
    .refine((value) => !value.includes("\0"), "Folder path may not contain NUL characters")
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export type CocoImportFields = z.infer<typeof cocoImportFields>;

export type CocoImportResult = {
  images: number;
  imagesImported: number;
  imagesAlreadyPresent: number;
  annotations: number;
  labelClassesCreated: string[];
};
