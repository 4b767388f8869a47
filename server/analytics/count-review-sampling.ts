// The Analytics tab's review sampling table, for a project that does not
// review everything: per annotator, hand-ins accepted without review and,
// with a trust level, their standing over the latest reviewed hand-ins (the
// same rule the next hand-in will be decided by). Null while every hand-in is
// reviewed.
import { handInQualitySchema, type HandInQuality } from "@/lib/schemas/hand-in-quality";
import type { ReviewSamplingStats } from "@/lib/schemas/analytics";
import { REVIEW_TRUST_WINDOW } from "@/lib/schemas/projects";
import { db } from "../db/client";
import { reviewSamplingOf } from "../projects/read-hand-in-rules";
import { reviewTrust } from "../quality/review-trust";

export async function countReviewSampling(options: { projectId: string }): Promise<ReviewSamplingStats | null> {
  const { projectId } = options;
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
  const sampling = reviewSamplingOf(project.settings);
  const skippedRows = await db().handIn.groupBy({ by: ["annotatorId"], where: { projectId, reviewSkipped: true }, _count: { _all: true } });
  if (sampling.percent >= 100 && skippedRows.length === 0) return null;
  const recentRows = await db().$queryRaw<{ annotatorId: string | null; quality: unknown }[]>`
    SELECT "annotatorId", quality FROM (
      SELECT h."annotatorId", h.quality, row_number() OVER (PARTITION BY h."annotatorId" ORDER BY h."createdAt" DESC, h.id DESC) AS rank
      FROM "HandIn" h WHERE h."projectId" = ${projectId} AND NOT h."reviewSkipped" AND h."scoredAt" IS NOT NULL
    ) latest WHERE rank <= ${REVIEW_TRUST_WINDOW}`;
  const recent = new Map<string | null, HandInQuality[]>();
  for (const row of recentRows) {
    const quality = handInQualitySchema.safeParse(row.quality).data;
    if (quality) recent.set(row.annotatorId, [...(recent.get(row.annotatorId) ?? []), quality]);
  }
  const skipped = new Map(skippedRows.map((row) => [row.annotatorId, row._count._all]));
  const ids = [...new Set([...recent.keys(), ...skipped.keys()])].filter((id): id is string => id !== null);
  const users = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  const annotators = ids
    .map((userId) => {
      const trust = reviewTrust(recent.get(userId) ?? [], sampling.trustAt);
      return { userId, name: users.get(userId) ?? "Former user", acceptedWithoutReview: skipped.get(userId) ?? 0, recentReviewed: trust.reviewed, recentAsHandedIn: trust.asHandedIn, trusted: sampling.trustAt > 0 ? trust.trusted : null };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { sampling, window: REVIEW_TRUST_WINDOW, annotators };
}
