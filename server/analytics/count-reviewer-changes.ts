// The reviewers' side of quality from review: per acceptance, whether the
// image had been sent back first and whether the reviewer changed the last
// hand-in before accepting it. A reviewer who never does either may not be
// looking, and then every annotator's figures look perfect.
import type { HandInQuality, ReviewerQuality } from "@/lib/schemas/hand-in-quality";
import { db } from "../db/client";
import { acceptedAsHandedIn } from "../quality/compare-hand-in";

type Round = { reviewerId: string | null; handIns: number; last: { createdAt: Date; quality: HandInQuality } };

/** The scored hand-in rows countHandInQuality already read, with their parsed comparison. */
export type ScoredHandInRow = { imageId: string; scoredAt: Date | null; createdAt: Date; reviewerId: string | null; quality: HandInQuality };

export async function countReviewerChanges(rows: readonly ScoredHandInRow[]): Promise<ReviewerQuality[]> {
  // One acceptance scores all its hand-ins at one instant: image + scoredAt names the round.
  const rounds = new Map<string, Round>();
  for (const row of rows) {
    const { quality } = row;
    if (!row.scoredAt) continue;
    const key = `${row.imageId}|${row.scoredAt.toISOString()}`;
    const round = rounds.get(key);
    if (!round) rounds.set(key, { reviewerId: row.reviewerId, handIns: 1, last: { createdAt: row.createdAt, quality } });
    else {
      round.handIns++;
      if (row.createdAt > round.last.createdAt) round.last = { createdAt: row.createdAt, quality };
    }
  }
  const perReviewer = new Map<string | null, { accepted: number; sentBackFirst: number; changedBeforeAccepting: number }>();
  for (const round of rounds.values()) {
    const sums = perReviewer.get(round.reviewerId) ?? { accepted: 0, sentBackFirst: 0, changedBeforeAccepting: 0 };
    sums.accepted++;
    if (round.handIns > 1) sums.sentBackFirst++;
    if (!acceptedAsHandedIn(round.last.quality)) sums.changedBeforeAccepting++;
    perReviewer.set(round.reviewerId, sums);
  }
  const ids = [...perReviewer.keys()].filter((id): id is string => id !== null);
  const names = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  return [...perReviewer.entries()]
    .map(([userId, sums]) => ({ userId, name: userId ? (names.get(userId) ?? "Former user") : "Unknown", ...sums }))
    .sort((a, b) => b.accepted - a.accepted || a.name.localeCompare(b.name));
}
