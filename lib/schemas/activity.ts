// The project's activity log (managers): what the audit trail recorded, newest
// first, a page at a time, narrowed by kind of event and by person.
import { z } from "zod";

/** Kinds of event a manager filters by; each is a set of audit action prefixes. */
export const ACTIVITY_KINDS = {
  setup: { label: "Setup", prefixes: ["project.", "label.", "member.", "prefill.settings", "webhook."] },
  images: { label: "Images", prefixes: ["image.", "coco."] },
  batches: { label: "Batches", prefixes: ["batch.", "tasks."] },
  work: { label: "Labelling", prefixes: ["task.", "question."] },
  review: { label: "Review", prefixes: ["review."] },
  prefill: { label: "Detector & pre-fill", prefixes: ["detector.", "prefill.start"] },
  exports: { label: "Exports", prefixes: ["export."] },
} as const;
export type ActivityKind = keyof typeof ACTIVITY_KINDS;

export const activityQuery = z.object({
  kind: z.enum(Object.keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]], { error: `must be one of ${Object.keys(ACTIVITY_KINDS).join(", ")}` }).optional(),
  userId: z.string().trim().min(1).max(64).optional(),
  page: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "starts at 1").default(1),
});
export type ActivityQuery = z.input<typeof activityQuery>;

export type ActivityItem = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  data: Record<string, unknown>;
  /** Names resolved now (the image, the person, the label class or batch the event is about), where they still exist. */
  subject: { imageId?: string; imageName?: string; imageExists?: boolean; userName?: string; labelName?: string; batchName?: string };
};

export type ActivityPage = { items: ActivityItem[]; total: number; page: number; pageCount: number; pageSize: number };
