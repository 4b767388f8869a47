// The Images tab's review filter: accepted images whose first hand-in review
// changed (something missed, removed, reshaped or relabelled) or accepted
// exactly as handed in. With "Show masks" on, a manager then sees at a glance
// what annotators get wrong. "unreviewed": accepted at the last hand-in
// without a review (review sampling), the images a manager may spot-check.
import { handInQualitySchema } from "@/lib/schemas/hand-in-quality";
import type { ReviewOutcome } from "@/lib/schemas/images";
import { db } from "../db/client";
import { acceptedAsHandedIn } from "./compare-hand-in";

export async function findReviewOutcomeImages(options: { projectId: string; outcome: ReviewOutcome }): Promise<string[]> {
  if (options.outcome === "unreviewed") return findUnreviewedImages(options.projectId);
  const rows = await db().handIn.findMany({ where: { projectId: options.projectId, scoredAt: { not: null } }, select: { imageId: true, quality: true } });
  const images = new Set<string>();
  for (const row of rows) {
    const quality = handInQualitySchema.safeParse(row.quality).data;
    if (!quality?.firstOfRound) continue;
    if (acceptedAsHandedIn(quality) === (options.outcome === "as_is")) images.add(row.imageId);
  }
  return [...images];
}

/** Accepted images with no reviewer's accept since their last hand-in. */
async function findUnreviewedImages(projectId: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ imageId: string }[]>`
    SELECT t."imageId" FROM "Task" t
    WHERE t."projectId" = ${projectId} AND t.stage = 'annotate' AND t.status = 'accepted'
      AND NOT EXISTS (
        SELECT 1 FROM "Review" r JOIN "Task" rt ON rt.id = r."taskId"
        WHERE rt."imageId" = t."imageId" AND rt.stage = 'review' AND r.verdict = 'accept' AND r."createdAt" >= t."submittedAt")`;
  return rows.map((row) => row.imageId);
}
