// The parts of a COCO instances file the import reads. Unknown fields are
// allowed (COCO files carry licenses, urls, dates...) and ignored.
import { z } from "zod";

const cocoId = z.number().int().safe();

export const cocoImageSchema = z.looseObject({
  id: cocoId,
  file_name: z.string().min(1).max(1024),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export const cocoCategorySchema = z.looseObject({
  id: cocoId,
  // Label class names are at most 50 characters; a longer name is refused rather than cut (it would no longer map back).
  name: z.string().trim().min(1, "category name is empty").max(50, "category name is longer than 50 characters"),
  // Not COCO's, but Maskwright's export and its VOC / CVAT import carry it: a new class takes it. Another tool's
  // colour in another form ([r, g, b], a name) is ignored rather than refused.
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional().catch(undefined),
});

export const cocoAnnotationSchema = z.looseObject({
  id: cocoId,
  image_id: cocoId,
  category_id: cocoId,
  // Checked by decodeCocoSegmentation, which gives precise messages (RLE sums, NaN coordinates, ...).
  segmentation: z.unknown(),
  iscrowd: z.number().int().min(0).max(1).optional(),
});

export const cocoDatasetSchema = z.looseObject({
  images: z.array(cocoImageSchema),
  annotations: z.array(cocoAnnotationSchema).default([]),
  categories: z.array(cocoCategorySchema),
});

export type CocoImage = z.infer<typeof cocoImageSchema>;
export type CocoCategory = z.infer<typeof cocoCategorySchema>;
export type CocoAnnotation = z.infer<typeof cocoAnnotationSchema>;
export type CocoDataset = z.infer<typeof cocoDatasetSchema>;
