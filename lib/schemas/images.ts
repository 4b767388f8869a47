import { z } from "zod";
import { firstSearchParam } from "../first-search-param";
import { datasetIssueSchema } from "./dataset-checks";
import { taskStatusSchema } from "./tasks";

export const importFolderInput = z.object({
  folder: z
    .string()
    .trim()
    .min(1, "Enter a folder path under the import root")
    .max(1024, "Folder path is at most 1024 characters")
    .refine((value) => !value.includes("\0"), "Folder path may not contain NUL characters"),
  recursive: z.boolean().default(false),
});
export type ImportFolderInput = z.infer<typeof importFolderInput>;

/** Orders of the Images tab (and the editor's walk through it); "oldest" (import order) when absent. */
export const IMAGE_SORTS = ["oldest", "newest", "name", "name_desc", "masks_desc", "masks_asc"] as const;
export type ImageSort = (typeof IMAGE_SORTS)[number];
export const IMAGE_SORT_LABELS: Record<ImageSort, string> = {
  oldest: "Oldest",
  newest: "Newest",
  name: "Name A–Z",
  name_desc: "Name Z–A",
  masks_desc: "Most masks",
  masks_asc: "Fewest masks",
};

/** An optional id in the URL; an empty value (a form's "any") means no filter. */
function idFilter(key: string, what: string) {
  return z
    .string()
    .trim()
    .max(64, `${key} is at most 64 characters`)
    .regex(/^[A-Za-z0-9_-]*$/, `${key} must be ${what}`)
    .transform((value) => value || undefined)
    .optional();
}

/**
 * What review did to an image's first hand-in (lib/schemas/hand-in-quality): changed it, or accepted it as it
 * was; or the image was accepted at its last hand-in without a review (review sampling).
 */
export const REVIEW_OUTCOMES = ["changed", "as_is", "unreviewed"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The Images tab's filters; the editor keeps them to walk the same view. */
export const imageFiltersQuery = z.object({
  sort: z.enum(IMAGE_SORTS, { error: `must be one of ${IMAGE_SORTS.join(", ")}` }).optional(),
  /** Only images whose annotate task has this status. */
  status: taskStatusSchema.optional(),
  /** Only file names containing this text (case-insensitive); an empty box means no filter. */
  q: z
    .string()
    .trim()
    .max(200, "The file name search is at most 200 characters")
    .transform((value) => value || undefined)
    .optional(),
  /** Only images with a live mask of this label class; "none" = a mask with no label yet. */
  label: idFilter("label", "a label class id or none"),
  /** Only images whose annotate task this member holds or last handed in. */
  annotator: idFilter("annotator", "a user id"),
  /** Only images whose image attribute has this value, as "name=value" (yes / no for a yes/no attribute). */
  attr: z
    .string()
    .trim()
    .max(120, "attr is at most 120 characters")
    .refine((value) => value === "" || value.includes("="), "attr must look like name=value")
    .transform((value) => value || undefined)
    .optional(),
  /** Only images showing one of the dataset checks' issues (lib/schemas/dataset-checks). */
  issue: datasetIssueSchema.optional(),
  /** Only accepted images whose first hand-in review changed, or accepted exactly as handed in. */
  review: z
    .string()
    .trim()
    .refine((value) => value === "" || (REVIEW_OUTCOMES as readonly string[]).includes(value), `review must be one of ${REVIEW_OUTCOMES.join(", ")}`)
    // The filter form sends "review=" for "Any review outcome": no filter.
    .transform((value) => (value === "" ? undefined : (value as ReviewOutcome)))
    .optional(),
});
export type ImageFiltersQuery = z.infer<typeof imageFiltersQuery>;

/** The URL keys of the Images tab's view (the page number aside), in the order links write them. */
export const IMAGE_FILTER_KEYS = ["status", "q", "label", "annotator", "attr", "issue", "review", "sort"] as const;

/** "name=value" for the attr filter: a yes/no attribute's values are written yes and no. */
export function imageAttributeFilterValue(name: string, value: string | boolean): string {
  return `${name}=${typeof value === "boolean" ? (value ? "yes" : "no") : value}`;
}
export const UNLABELLED_FILTER = "none";

/** A page's search params as the filter schema reads them (the first of a repeated key). */
export function imageFilterParams(query: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(IMAGE_FILTER_KEYS.map((key) => [key, firstSearchParam(query[key])]));
}

export const listImagesQuery = imageFiltersQuery.extend({
  page: z.coerce.number().int().min(1, "page starts at 1").default(1),
  pageSize: z.coerce.number().int().min(1).max(200, "pageSize is at most 200").default(50),
});
export type ListImagesQuery = z.infer<typeof listImagesQuery>;

/** The Images tab's bulk delete: the selected images of one project. */
export const MAX_BULK_IMAGES = 1000;
export const deleteImagesInput = z.object({
  imageIds: z
    .array(z.string().min(1).max(64), { error: "Send imageIds as a list of image ids" })
    .min(1, "Select at least one image")
    .max(MAX_BULK_IMAGES, `At most ${MAX_BULK_IMAGES} images at once`),
});

/** The Images tab's bulk "Send to review": the selected accepted images of one project (same shape as a delete). */
export const requestReviewInput = deleteImagesInput;

/** "Spot-check N": that many images accepted without review, drawn at random (of one annotator's, when named). */
export const spotCheckInput = z.object({
  count: z
    .number({ error: "count must be a whole number of images" })
    .int("count must be a whole number of images")
    .min(1, "Spot-check at least one image")
    .max(MAX_BULK_IMAGES, `At most ${MAX_BULK_IMAGES} images at once`),
  annotatorId: z.string().min(1, "annotatorId is empty").max(64).optional(),
});
export type SpotCheckInput = z.infer<typeof spotCheckInput>;
