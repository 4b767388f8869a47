// Whether a hand-in goes to a reviewer or is accepted as handed in, by the
// project's review sampling (lib/schemas/projects.ts). Decided inside the
// submit's transaction, before its hand-in row is written, so "first hand-ins"
// counts the annotator's earlier ones only.
import type { ReviewSampling } from "@/lib/schemas/projects";
import type { Prisma } from "../db/generated/client";
import { reviewSamplingOf } from "../projects/read-hand-in-rules";

export type ReviewDecision = { reviewed: boolean; reason: "every_hand_in" | "first_hand_ins" | "sent_back_before" | "drawn" | "not_drawn" };

/** [0, 1): which share of hand-ins is drawn. Tests pass their own. */
export type DrawReview = () => number;

export async function decideReview(options: {
  tx: Prisma.TransactionClient;
  projectId: string;
  imageId: string;
  annotatorId: string;
  draw?: DrawReview;
}): Promise<ReviewDecision & { sampling: ReviewSampling }> {
  const { tx, projectId, imageId, annotatorId } = options;
  const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
  const sampling = reviewSamplingOf(project.settings);
  if (sampling.percent >= 100) return { reviewed: true, reason: "every_hand_in", sampling };
  if (sampling.firstHandIns > 0) {
    const earlier = await tx.handIn.count({ where: { projectId, annotatorId } });
    if (earlier < sampling.firstHandIns) return { reviewed: true, reason: "first_hand_ins", sampling };
  }
  // Rework after a rejection is what review asked for: the same reviewer's eyes check it.
  const sentBack = await tx.review.count({ where: { verdict: "reject", task: { imageId, stage: "review" } } });
  if (sentBack > 0) return { reviewed: true, reason: "sent_back_before", sampling };
  const drawn = (options.draw ?? Math.random)() * 100 < sampling.percent;
  return { reviewed: drawn, reason: drawn ? "drawn" : "not_drawn", sampling };
}
