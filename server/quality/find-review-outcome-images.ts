// The Images tab's review filter: accepted images whose first hand-in review
// changed (something missed, removed, reshaped or relabelled) or accepted
// exactly as handed in. With "Show masks" on, a manager then sees at a glance
// what annotators get wrong.
import { handInQualitySchema } from "@/lib/schemas/hand-in-quality";
import type { ReviewOutcome } from "@/lib/schemas/images";
import { db } from "../db/client";
import { acceptedAsHandedIn } from "./compare-hand-in";

export async function findReviewOutcomeImages(options: { projectId: string; outcome: ReviewOutcome }): Promise<string[]> {
  const rows = await db().handIn.findMany({ where: { projectId: options.projectId, scoredAt: { not: null } }, select: { imageId: true, quality: true } });
  const images = new Set<string>();
  for (const row of rows) {
    const quality = handInQualitySchema.safeParse(row.quality).data;
    if (!quality?.firstOfRound) continue;
    if (acceptedAsHandedIn(quality) === (options.outcome === "as_is")) images.add(row.imageId);
  }
  return [...images];
}
