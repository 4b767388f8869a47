// At an acceptance: every hand-in of the image not yet scored (this round's:
// the first one and any made again after a rejection) is compared with the
// masks being accepted, inside the accept's transaction, so a scored hand-in
// always describes the acceptance that scored it.
import { z } from "zod";
import { handInMaskSchema, type HandInMask, type HandInQuality } from "@/lib/schemas/hand-in-quality";
import type { Prisma } from "../db/generated/client";
import { compareHandIn } from "./compare-hand-in";

const handInMasksSchema = z.array(handInMaskSchema);

export type ScoredHandIn = { handInId: string; annotatorId: string | null; quality: HandInQuality };

export async function scoreHandIns(options: { tx: Prisma.TransactionClient; imageId: string; reviewerId: string; now?: Date }): Promise<ScoredHandIn[]> {
  const { tx, imageId } = options;
  const handIns = await tx.handIn.findMany({ where: { imageId, scoredAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, masks: true, annotatorId: true } });
  if (handIns.length === 0) return [];
  const accepted: HandInMask[] = await tx.annotation.findMany({
    where: { imageId, deletedAt: null },
    select: { id: true, labelClassId: true, rleCounts: true, maskHeight: true, maskWidth: true, bbox: true, area: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const scoredAt = options.now ?? new Date();
  const scored: ScoredHandIn[] = [];
  for (const [index, handIn] of handIns.entries()) {
    // Both sides were written by the app, so a failure here is a bug, not user input:
    // it is logged and the hand-in left unscored, and the accept still goes through.
    let quality: HandInQuality;
    try {
      quality = compareHandIn({ handedIn: handInMasksSchema.parse(handIn.masks), accepted, firstOfRound: index === 0 });
    } catch (error) {
      console.error(`[quality] hand-in ${handIn.id} could not be compared, left unscored:`, error instanceof Error ? error.message : error);
      continue;
    }
    // Scored, the snapshot has served: emptied so hand-ins do not keep a second copy of every mask.
    await tx.handIn.update({ where: { id: handIn.id }, data: { quality, scoredAt, reviewerId: options.reviewerId, masks: [] } });
    scored.push({ handInId: handIn.id, annotatorId: handIn.annotatorId, quality });
  }
  return scored;
}
