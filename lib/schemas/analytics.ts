// The project analytics (the Analytics tab and GET /api/projects/:id/analytics):
// how the data engine's two stages compare, throughput per day, label
// classes, editor tools and review. Shared by the server and the page.
import { z } from "zod";
import type { ReviewSampling } from "./projects";
import type { ProjectQuality } from "./hand-in-quality";

export const ANALYTICS_DAY_CHOICES = [7, 30, 90] as const;

export const analyticsQuery = z.object({
  days: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .refine((value) => (ANALYTICS_DAY_CHOICES as readonly number[]).includes(value), { message: `must be one of ${ANALYTICS_DAY_CHOICES.join(", ")}` })
    .default(30),
});

/** One stage of the data engine, over images handed in (submitted or accepted). */
export type StageStats = {
  stage: "assisted_manual" | "semi_automatic";
  images: number;
  /** Live masks per image, whatever made them. */
  masksPerImage: number | null;
  /** Masks the annotators drew (new ones and corrections of pre-fills) per image. */
  manualPerImage: number | null;
  /** Pre-filled masks kept per image (always 0 in the assisted-manual stage). */
  prefilledPerImage: number | null;
  /** Masks that came with a COCO import, per image. */
  importedPerImage: number | null;
  medianSecondsPerManualMask: number | null;
  meanClicksPerManualMask: number | null;
  /** Editor seconds on all drawn masks, the deleted ones too (the time was spent), per image. */
  drawingSecondsPerImage: number | null;
};

export type DailyThroughput = {
  /** UTC calendar day, YYYY-MM-DD. */
  day: string;
  imagesHandedIn: number;
  masksDrawn: number;
  reviewDecisions: number;
};

export type LabelStats = {
  labelClassId: string | null;
  name: string;
  color: string | null;
  masks: number;
  images: number;
  medianArea: number | null;
};

export type ToolStats = { tool: string; masks: number; medianSeconds: number | null; meanClicks: number | null };

export type ReviewStats = {
  accepted: number;
  /** Accepted by a reviewer without ever being sent back. */
  acceptedFirstPass: number;
  /** Accepted at hand-in, not drawn for review (the project reviews a sample). */
  acceptedWithoutReview: number;
  rejections: number;
  awaitingReview: number;
  /** From the last hand-in to the acceptance, over accepted images. */
  medianHoursToAccept: number | null;
};

/** Review sampling per annotator (server/analytics/count-review-sampling.ts). */
export type ReviewSamplingStats = {
  sampling: ReviewSampling;
  /** How many latest reviewed hand-ins the trust rule reads. */
  window: number;
  annotators: {
    userId: string;
    name: string;
    acceptedWithoutReview: number;
    /** Over the latest `window` reviewed hand-ins. */
    recentReviewed: number;
    recentAsHandedIn: number;
    /** Null without a trust level. */
    trusted: boolean | null;
  }[];
};

export type ProjectAnalytics = {
  days: number;
  stages: StageStats[];
  daily: DailyThroughput[];
  labels: LabelStats[];
  tools: ToolStats[];
  review: ReviewStats;
  /** Null while every hand-in is reviewed. */
  reviewSampling: ReviewSamplingStats | null;
  /** Annotation quality from review: first hand-ins against the accepted masks. */
  quality: ProjectQuality;
};
