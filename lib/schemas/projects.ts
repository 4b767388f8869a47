import { z } from "zod";
import { labelAttributesSchema } from "./label-attributes";

export const PROJECT_ROLES = ["manager", "annotator", "reviewer"] as const;
export const projectRoleSchema = z.enum(PROJECT_ROLES);

export const createProjectInput = z.object({
  name: z.string().trim().min(1, "Project name is required").max(100, "Project name is at most 100 characters"),
  description: z.string().trim().max(2000).default(""),
});
export type CreateProjectInput = z.infer<typeof createProjectInput>;

/**
 * What an image must have before an annotator can hand it in for review
 * (stored as Project.settings.handIn). Defaults ask nothing.
 */
export const handInRulesSchema = z.object({
  /** Every live mask (pre-fills included) carries a label class. */
  requireLabels: z.boolean().default(false),
  /** Every image attribute of the project has a value (a yes/no one counts as set once ticked or unticked). */
  requireImageAttributes: z.boolean().default(false),
  /** At least this many live masks; 0 = no minimum. An image with nothing to label is skipped instead. */
  minMasks: z.coerce.number({ error: "The minimum number of masks must be a number" }).int("The minimum number of masks must be a whole number").min(0, "The minimum number of masks cannot be negative").max(1000, "The minimum number of masks is at most 1,000").default(0),
});
export type HandInRules = z.infer<typeof handInRulesSchema>;

/**
 * How many hand-ins a reviewer sees (stored as Project.settings.review). The
 * rest are accepted as handed in, as in the SAM data engine, while each
 * annotator's first hand-ins and every image once sent back are always
 * reviewed. The default reviews everything.
 */
export const reviewSamplingSchema = z.object({
  /** Share of the other hand-ins drawn at random for review, in percent. */
  percent: z.coerce
    .number({ error: "The share of hand-ins to review must be a number" })
    .int("The share of hand-ins to review must be a whole percentage")
    .min(0, "The share of hand-ins to review cannot be below 0%")
    .max(100, "The share of hand-ins to review cannot be above 100%")
    .default(100),
  /** Each annotator's first this many hand-ins in the project are all reviewed. */
  firstHandIns: z.coerce
    .number({ error: "The number of first hand-ins to review must be a number" })
    .int("The number of first hand-ins to review must be a whole number")
    .min(0, "The number of first hand-ins to review cannot be negative")
    .max(10_000, "The number of first hand-ins to review is at most 10,000")
    .default(0),
  /**
   * 0 = off. Otherwise an annotator's hand-ins are all reviewed until, over their last
   * REVIEW_TRUST_WINDOW reviewed ones, at least this percentage was accepted exactly as handed in.
   */
  trustAt: z.coerce
    .number({ error: "The share accepted as handed in must be a number" })
    .int("The share accepted as handed in must be a whole percentage")
    .min(0, "The share accepted as handed in cannot be below 0%")
    .max(100, "The share accepted as handed in cannot be above 100%")
    .default(0),
});
/** How many of an annotator's latest reviewed hand-ins decide whether review sampling trusts them. */
export const REVIEW_TRUST_WINDOW = 20;
export type ReviewSampling = z.infer<typeof reviewSamplingSchema>;

/** A manager renames the project or rewrites its description. */
export const MAX_INSTRUCTIONS = 20_000;
/**
 * The same fields, each optional and without its default: a change names only
 * what it changes (the rest keeps the project's current value), and a key no
 * field has is refused rather than ignored.
 */
function changeOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  );
  return z.strictObject(shape) as unknown as z.ZodObject<{ [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K]> }, z.core.$strict>;
}

export const updateProjectInput = z.object({
  projectId: z.string().min(1),
  /** Left out: unchanged (so is everything below). */
  name: createProjectInput.shape.name.optional(),
  description: z.string().trim().max(2000, "A description is at most 2,000 characters").optional(),
  /** Labelling guidelines for annotators and reviewers. */
  instructions: z.string().trim().max(MAX_INSTRUCTIONS, `Instructions are at most ${MAX_INSTRUCTIONS.toLocaleString("en-US")} characters`).optional(),
  /** Only the rules named change. */
  handInRules: changeOf(handInRulesSchema).optional(),
  /** Only the settings named change. */
  reviewSampling: changeOf(reviewSamplingSchema).optional(),
});
export type UpdateProjectInput = z.input<typeof updateProjectInput>;

/** PATCH /api/projects/:id: any of the Edit form's fields; unknown keys are named, an empty change refused. */
export const patchProjectBody = updateProjectInput
  .omit({ projectId: true })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Send at least one of name, description, instructions, handInRules or reviewSampling",
  });

/** Deleting a project: its name typed again, as a guard against the wrong tab. */
export const deleteProjectInput = z.object({
  projectId: z.string().min(1),
  confirmName: z.string({ error: "Type the project's name to delete it" }).max(200, "That is longer than any project name"),
});
export type DeleteProjectInput = z.input<typeof deleteProjectInput>;

export const addMemberInput = z.object({
  projectId: z.string().min(1),
  email: z.string().trim().toLowerCase().email("Enter the member's email address"),
  role: projectRoleSchema,
});
export type AddMemberInput = z.infer<typeof addMemberInput>;

export const removeMemberInput = z.object({ projectId: z.string().min(1), userId: z.string().min(1) });

const labelName = z.string().trim().min(1, "Label name is required").max(50, "Label name is at most 50 characters");
const labelColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colour must look like #22cc88");
/** What a class covers (and what not), for annotators; empty: none. */
const labelDescription = z.string().trim().max(500, "A label description is at most 500 characters");

export const labelClassInput = z.object({ projectId: z.string().min(1), name: labelName, color: labelColor });

/** Many classes at once: one name per line (blank lines and repeats ignored). */
export const MAX_LABELS_AT_ONCE = 200;
/** POST /api/projects/:id/label-classes: classes appended in order; names the project has are skipped. */
export const createLabelClassesBody = z.object({
  labels: z
    .array(z.object({ name: labelName, color: labelColor.optional(), description: labelDescription.optional(), attributes: labelAttributesSchema.optional() }))
    .min(1, "Give at least one label class")
    .max(500, "At most 500 label classes at once"),
});

export const addLabelClassesInput = z.object({
  projectId: z.string().min(1),
  text: z.string().max(20_000, "The list is too long"),
});
export function labelNamesFromText(text: string): { names: string[]; error?: string } {
  const names: string[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    const parsed = labelName.safeParse(trimmed);
    if (!parsed.success) return { names: [], error: `Line ${index + 1}: ${parsed.error.issues[0]?.message ?? "not a label name"}` };
    if (!names.includes(parsed.data)) names.push(parsed.data);
  }
  if (names.length === 0) return { names, error: "Enter at least one label name, one per line" };
  if (names.length > MAX_LABELS_AT_ONCE) return { names: [], error: `At most ${MAX_LABELS_AT_ONCE} label classes at once` };
  return { names };
}

/** Copy another project's label classes (names, colours, order) into this one. */
export const copyLabelClassesInput = z.object({ projectId: z.string().min(1), fromProjectId: z.string().min(1, "Choose the project to copy from") });
export type LabelClassInput = z.infer<typeof labelClassInput>;

export const deleteLabelClassInput = z.object({ projectId: z.string().min(1), labelClassId: z.string().min(1) });

/** Every mask of one class goes to another, then the first class is deleted. */
export const mergeLabelClassInput = z
  .object({
    projectId: z.string().min(1),
    labelClassId: z.string().min(1),
    intoLabelClassId: z.string({ error: "Choose the label class to merge into (intoLabelClassId)" }).min(1, "Choose the label class to merge into"),
  })
  .refine((input) => input.labelClassId !== input.intoLabelClassId, { message: "A label class cannot be merged into itself", path: ["intoLabelClassId"] });

/** Rename and/or recolour; at least one of the two. */
export const updateLabelClassInput = z
  .object({
    projectId: z.string().min(1),
    labelClassId: z.string().min(1),
    name: labelName.optional(),
    color: labelColor.optional(),
    description: labelDescription.optional(),
    /** The class's attribute definitions, replaced as a whole. */
    attributes: labelAttributesSchema.optional(),
  })
  .refine((value) => value.name !== undefined || value.color !== undefined || value.description !== undefined || value.attributes !== undefined, "Give a new name, colour, description or attributes");
export type UpdateLabelClassInput = z.input<typeof updateLabelClassInput>;

/** One place up (-1) or down (+1) in the list, which is also the editor's 1-9 shortcut order. */
export const moveLabelClassInput = z.object({ projectId: z.string().min(1), labelClassId: z.string().min(1), direction: z.union([z.literal(-1), z.literal(1)]) });
export type MoveLabelClassInput = z.input<typeof moveLabelClassInput>;
