// Inputs for batches, the work queue and reviews. Shared by routes, server
// functions and the browser forms, so a bad input gets the same message everywhere.
import { z } from "zod";

const id = z.string().trim().min(1, "id is required").max(100, "id is too long");

export const TASK_STAGES = ["annotate", "review"] as const;
export const taskStageSchema = z.enum(TASK_STAGES);
export const TASK_STATUSES = ["todo", "in_progress", "submitted", "accepted", "rejected", "skipped"] as const;
export const taskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatusName = (typeof TASK_STATUSES)[number];
/** How every page names a task status (tiles, filters, export form). */
export const TASK_STATUS_LABELS: Record<TaskStatusName, string> = {
  todo: "To do",
  in_progress: "In progress",
  submitted: "Submitted",
  accepted: "Accepted",
  rejected: "Rejected",
  skipped: "Skipped",
};

/** batchId: work on one batch only (the queue's "by batch" buttons); left out, the whole queue. */
export const claimTaskInput = z.object({ stage: taskStageSchema.default("annotate"), batchId: id.optional() });
export type ClaimTaskInput = z.input<typeof claimTaskInput>;

/** `?batch=<id>` on submit, skip and review: the next image comes from that batch. */
export const batchFocusParam = id.optional();

export const skipTaskInput = z.object({
  reason: z.string().trim().min(1, "Say why you skip this image").max(500, "The reason is at most 500 characters"),
});

/** What a new batch takes from the project's images that are not in a batch yet. */
export const batchSelectionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("images"), imageIds: z.array(id).min(1, "Select at least one image").max(5000, "At most 5000 images per batch") }),
  z.object({ kind: z.literal("first_unassigned"), count: z.coerce.number().int().min(1, "Take at least one image").max(5000, "At most 5000 images per batch") }),
  z.object({
    kind: z.literal("filter"),
    fileNameContains: z.string().trim().max(200).optional(),
    importedAfter: z.coerce.date().optional(),
    importedBefore: z.coerce.date().optional(),
    embedding: z.enum(["any", "done", "not_done"]).default("any"),
    limit: z.coerce.number().int().min(1).max(5000).default(5000),
  }),
]);
export type BatchSelection = z.infer<typeof batchSelectionSchema>;

/** A calendar day written YYYY-MM-DD (a batch's due date); the server refuses days already past. */
export const calendarDay = z
  .string({ error: "The due date must be a day written YYYY-MM-DD" })
  // abort: a malformed value gets this one message, not the calendar check's too.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "The due date must be a day written YYYY-MM-DD", abort: true })
  .refine((value) => {
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
  }, "The due date is not a day of the calendar");

export const MAX_BATCH_REVIEWERS = 20;
const batchReviewerIds = z
  .array(id, { error: "reviewerIds must be a list of user ids" })
  .max(MAX_BATCH_REVIEWERS, `A batch has at most ${MAX_BATCH_REVIEWERS} reviewers`)
  .transform((ids) => [...new Set(ids)]);

/**
 * Who reviews a batch's hand-ins: `reviewerIds` (each hand-in to the one with the fewest open
 * reviews; empty: any reviewer of the project), or the older single `reviewerId` (null: any).
 */
function withReviewers<T extends { reviewerIds?: string[]; reviewerId?: string | null }>(value: T): Omit<T, "reviewerId"> & { reviewerIds?: string[] } {
  const { reviewerId, ...rest } = value;
  if (reviewerId === undefined) return rest;
  return { ...rest, reviewerIds: [...new Set([...(rest.reviewerIds ?? []), ...(reviewerId === null ? [] : [reviewerId])])] };
}

export const createBatchInput = z
  .object({
    name: z.string().trim().min(1, "Batch name is required").max(100, "Batch name is at most 100 characters"),
    priority: z.coerce.number().int().min(-1000).max(1000).default(0),
    selection: batchSelectionSchema,
    // Empty: the project pool. Several: the batch is dealt out round-robin.
    assigneeIds: z.array(id).max(200).default([]),
    reviewerIds: batchReviewerIds.optional(),
    reviewerId: id.nullable().optional(),
    dueOn: calendarDay.nullable().default(null),
  })
  .transform((value) => {
    const { reviewerIds, ...rest } = withReviewers(value);
    return { ...rest, reviewerIds: reviewerIds ?? [] };
  });
export type CreateBatchInput = z.input<typeof createBatchInput>;

export const updateBatchInput = z
  .object({
    name: z.string().trim().min(1, "Batch name is required").max(100).optional(),
    priority: z.coerce.number().int().min(-1000).max(1000).optional(),
    // []: any reviewer of the project.
    reviewerIds: batchReviewerIds.optional(),
    reviewerId: id.nullable().optional(),
    // null: no due date.
    dueOn: calendarDay.nullable().optional(),
  })
  .refine(
    (value) => value.name !== undefined || value.priority !== undefined || value.reviewerIds !== undefined || value.reviewerId !== undefined || value.dueOn !== undefined,
    "Nothing to change: give a name, a priority, reviewers or a due date",
  )
  .transform(withReviewers);

/** Reassign or unassign open tasks: a whole batch, one annotator's share of it, or listed tasks. */
export const assignTasksInput = z
  .object({
    batchId: id.optional(),
    taskIds: z.array(id).min(1).max(5000).optional(),
    fromUserId: id.nullable().optional(),
    // null: back to the project pool.
    assigneeId: id.nullable(),
  })
  .refine((value) => value.batchId !== undefined || value.taskIds !== undefined, "Give a batchId or taskIds");
export type AssignTasksInput = z.input<typeof assignTasksInput>;

export const listTasksQuery = z.object({
  batchId: id.optional(),
  // "no": images not cut into a batch yet (what a new batch can take).
  inBatch: z.enum(["yes", "no", "any"]).default("any"),
  stage: taskStageSchema.default("annotate"),
  status: taskStatusSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const reviewCommentInput = z.object({
  comment: z.string().trim().min(1, "A comment needs text").max(2000, "A comment is at most 2000 characters"),
  annotationId: id.nullable().optional(),
  // Image pixels; the server checks them against the image size.
  pinX: z.number().finite().nullable().optional(),
  pinY: z.number().finite().nullable().optional(),
});
export type ReviewCommentInput = z.infer<typeof reviewCommentInput>;

export const reviewTaskInput = z.discriminatedUnion("verdict", [
  z.object({ verdict: z.literal("accept"), comment: z.string().trim().max(2000).default("") }),
  z.object({
    verdict: z.literal("reject"),
    comments: z.array(reviewCommentInput).min(1, "A rejection needs at least one comment").max(100, "At most 100 comments"),
  }),
]);
export type ReviewTaskInput = z.input<typeof reviewTaskInput>;
