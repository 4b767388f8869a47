// Whether a hand-in goes to a reviewer or is accepted as handed in, by the
// project's review sampling (lib/schemas/projects.ts): everything at 100%;
// else an annotator's first hand-ins, images sent back before, and (with a
// trust level) everything from an annotator whose recent reviewed work was
// not accepted as handed in often enough; the rest drawn at random. Decided
// inside the submit's transaction, before its hand-in row is written, so
// "first hand-ins" counts the annotator's earlier ones only.
import { handInQualitySchema } from "@/lib/schemas/hand-in-quality";
import { REVIEW_TRUST_WINDOW, type ReviewSampling } from "@/lib/schemas/projects";
import { reviewTrust } from "../quality/review-trust";
import type { Prisma } from "../db/generated/client";
import { reviewSamplingOf } from "../projects/read-hand-in-rules";

export type ReviewDecision = { reviewed: boolean; reason: "every_hand_in" | "first_hand_ins" | "sent_back_before" | "not_trusted_yet" | "drawn" | "not_drawn" };

/** [0, 1): which share of hand-ins is drawn. Tests pass their own. */
export type DrawReview = () => number;

export async function decideReview(options: {
  tx: Prisma.TransactionClient;
  projectId: string;
  imageId: string;
  annotatorId: string;
  /** The project's settings as the submit's transaction read them. */
  settings: unknown;
  draw?: DrawReview;
}): Promise<ReviewDecision & { sampling: ReviewSampling }> {
  const { tx, projectId, imageId, annotatorId } = options;
  const sampling = reviewSamplingOf(options.settings);
  if (sampling.percent >= 100) return { reviewed: true, reason: "every_hand_in", sampling };
  if (sampling.firstHandIns > 0) {
    // Only whether there are fewer than firstHandIns matters: never count past it.
    const earlier = (await tx.handIn.findMany({ where: { projectId, annotatorId }, select: { id: true }, take: sampling.firstHandIns })).length;
    if (earlier < sampling.firstHandIns) return { reviewed: true, reason: "first_hand_ins", sampling };
  }
  // Rework after a rejection is what review asked for: the same reviewer's eyes check it.
  const sentBack = await tx.review.count({ where: { verdict: "reject", task: { imageId, stage: "review" } } });
  if (sentBack > 0) return { reviewed: true, reason: "sent_back_before", sampling };
  if (sampling.trustAt > 0 && !(await trusted({ tx, projectId, annotatorId, trustAt: sampling.trustAt }))) return { reviewed: true, reason: "not_trusted_yet", sampling };
  const drawn = (options.draw ?? Math.random)() * 100 < sampling.percent;
  return { reviewed: drawn, reason: drawn ? "drawn" : "not_drawn", sampling };
}

/** Whether the annotator's latest reviewed hand-ins earn sampling (review-trust.ts). */
async function trusted(options: { tx: Prisma.TransactionClient; projectId: string; annotatorId: string; trustAt: number }): Promise<boolean> {
  const rows = await options.tx.handIn.findMany({
    where: { projectId: options.projectId, annotatorId: options.annotatorId, reviewSkipped: false, scoredAt: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: REVIEW_TRUST_WINDOW,
    select: { quality: true },
  });
  const recent = rows.map((row) => handInQualitySchema.safeParse(row.quality).data).filter((quality) => quality !== undefined);
  return reviewTrust(recent, options.trustAt).trusted;
}
