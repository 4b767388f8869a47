// The dataset checks a manager runs before exporting: each names a kind of
// mask or image that usually means a labelling mistake, and the Images tab
// can show the images concerned (?issue=<id>).
import { z } from "zod";

export const DATASET_ISSUES = ["unlabelled", "tiny", "huge", "duplicate", "empty", "near_duplicate"] as const;
export type DatasetIssue = (typeof DATASET_ISSUES)[number];

/** A mask under this many pixels is almost always a stray click or a speck. */
export const TINY_MASK_PX = 16;
/** A mask covering this share of its image is usually SAM's "whole picture" answer. */
export const HUGE_MASK_SHARE = 0.95;
/** Two masks of one image overlapping this much are the same object drawn twice. */
export const DUPLICATE_MASK_IOU = 0.9;

export const DATASET_ISSUE_LABELS: Record<DatasetIssue, string> = {
  unlabelled: "Masks without a label",
  tiny: `Masks under ${TINY_MASK_PX} px`,
  huge: `Masks covering ${Math.round(HUGE_MASK_SHARE * 100)}% or more of their image`,
  duplicate: `Masks drawn twice (overlap ${Math.round(DUPLICATE_MASK_IOU * 100)}% or more)`,
  empty: "Images handed in or accepted without any mask",
  near_duplicate: "Near-duplicate pictures (the same photo resized, re-encoded or lightly edited)",
};

/** Issues of whole images: they count images, not masks. */
export const IMAGE_LEVEL_ISSUES: readonly DatasetIssue[] = ["empty", "near_duplicate"];

export const datasetIssueSchema = z.enum(DATASET_ISSUES, { error: `must be one of ${DATASET_ISSUES.join(", ")}` });

export type DatasetCheck = { issue: DatasetIssue; label: string; masks: number | null; images: number };
export type DatasetChecks = { projectId: string; checks: DatasetCheck[]; imagesChecked: number; masksChecked: number };
