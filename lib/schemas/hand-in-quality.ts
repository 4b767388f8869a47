// A hand-in compared with the masks finally accepted for its image: the shape
// stored in HandIn.quality, and the per-annotator / per-label figures the
// Analytics tab shows (GET /api/projects/:id/analytics, field `quality`).
import { z } from "zod";

/** Masks match one to one when their IoU is at least this (COCO's loosest threshold). */
export const HAND_IN_MATCH_IOU = 0.5;

/** One live mask as it was handed in (HandIn.masks). */
export const handInMaskSchema = z.object({
  id: z.string(),
  labelClassId: z.string().nullable(),
  rleCounts: z.string(),
  maskHeight: z.number().int(),
  maskWidth: z.number().int(),
  bbox: z.array(z.number()),
  area: z.number().int(),
});
export type HandInMask = z.infer<typeof handInMaskSchema>;

/** Per label class (key: its id, or "none" for unlabelled masks). */
export const labelQualitySchema = z.object({
  /** Accepted masks with this label. */
  accepted: z.number().int(),
  /** Of those, how many the hand-in had (a mask at IoU >= 0.5, whatever its label). */
  found: z.number().int(),
  /** Handed-in masks with this label that match no accepted mask. */
  extra: z.number().int(),
});
export type LabelQuality = z.infer<typeof labelQualitySchema>;

export const handInQualitySchema = z.object({
  handedIn: z.number().int(),
  accepted: z.number().int(),
  /** Pairs matched one to one at IoU >= 0.5. */
  matched: z.number().int(),
  /** Matched pairs with identical pixels and the same label. */
  unchanged: z.number().int(),
  /** Matched pairs whose label differs. */
  relabelled: z.number().int(),
  /** Sum of the matched pairs' IoU (mean = iouSum / matched). */
  iouSum: z.number(),
  /** Accepted masks the hand-in did not have. */
  missed: z.number().int(),
  /** Handed-in masks the accepted image does not have. */
  extra: z.number().int(),
  /** The first hand-in since the image was last accepted (before any review feedback). */
  firstOfRound: z.boolean(),
  labels: z.record(z.string(), labelQualitySchema),
});
export type HandInQuality = z.infer<typeof handInQualitySchema>;

/** An annotator's scored hand-ins, summed. Rates are null without anything to divide by. */
export type AnnotatorQuality = {
  userId: string | null;
  name: string;
  handIns: number;
  /** Hand-ins accepted exactly as handed in (nothing missed, extra, reshaped or relabelled). */
  acceptedAsHandedIn: number;
  /** Accepted masks found / accepted masks. */
  recall: number | null;
  /** Matched masks / handed-in masks. */
  precision: number | null;
  meanIou: number | null;
  /** Matched masks with the accepted label / matched masks. */
  labelAgreement: number | null;
};

export type LabelClassQuality = { labelClassId: string | null; name: string; color: string | null; accepted: number; found: number; extra: number; recall: number | null };

/** What a reviewer did with the images they accepted: sent back first, or changed before accepting. */
export type ReviewerQuality = {
  userId: string | null;
  name: string;
  /** Images accepted (one per acceptance). */
  accepted: number;
  /** Of those, sent back at least once before the acceptance. */
  sentBackFirst: number;
  /** Of those, whose last hand-in the reviewer changed before accepting (their own corrections). */
  changedBeforeAccepting: number;
};

/**
 * Over first hand-ins: the work as the annotator first handed it in, before any
 * review feedback, against what was finally accepted. Hand-ins made again after
 * a rejection are counted in `resubmitted` only.
 */
export type ProjectQuality = {
  /** First hand-ins compared so far (accepted images since quality scoring began). */
  handIns: number;
  /** Later hand-ins of the same rounds (after a rejection). */
  resubmitted: number;
  annotators: AnnotatorQuality[];
  labels: LabelClassQuality[];
  /** Per reviewer, over acceptances (empty when narrowed to one annotator). */
  reviewers: ReviewerQuality[];
};

/**
 * A re-submitted image on the review page: what the annotator changed since
 * the hand-in that was sent back (the two hand-in snapshots, compared).
 */
export type Resubmission = {
  sentBackHandInAt: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** Annotation id (as handed in now) -> what happened to it since the previous hand-in. */
  statusById: Record<string, "new" | "changed">;
};
