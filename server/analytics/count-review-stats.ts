// The review stage: images accepted (and how many of them at the first
// review, and how many at hand-in without one: review sampling), rejections (one per decision, however many comments it pinned),
// images waiting for a reviewer, and how long an accepted image waited from
// its last hand-in to the acceptance. Reviews hang off the image's review
// task; the hand-in time is on its annotate task.
import type { ReviewStats } from "@/lib/schemas/analytics";
import { db } from "../db/client";

export async function countReviewStats(options: { projectId: string }): Promise<ReviewStats> {
  const { projectId } = options;
  const [row] = await db().$queryRaw<
    { accepted: bigint; accepted_first_pass: bigint; accepted_unreviewed: bigint; awaiting: bigint; rejections: bigint; median_hours: number | null }[]
  >`
    WITH annotate AS (
      SELECT t."imageId", t.status, t."submittedAt" FROM "Task" t WHERE t."projectId" = ${projectId} AND t.stage = 'annotate'
    ), decisions AS (
      SELECT t."imageId", r.verdict, r."createdAt" FROM "Review" r JOIN "Task" t ON t.id = r."taskId"
      WHERE t."projectId" = ${projectId}
      GROUP BY 1, 2, 3
    ), accepted AS (
      SELECT a."imageId", a."submittedAt",
        (SELECT max(d."createdAt") FROM decisions d WHERE d."imageId" = a."imageId" AND d.verdict = 'accept') AS accepted_at,
        EXISTS (SELECT 1 FROM decisions d WHERE d."imageId" = a."imageId" AND d.verdict = 'reject') AS was_rejected
      FROM annotate a WHERE a.status = 'accepted'
    )
    SELECT
      (SELECT count(*) FROM accepted)::bigint AS accepted,
      (SELECT count(*) FROM accepted WHERE accepted_at >= "submittedAt" AND NOT was_rejected)::bigint AS accepted_first_pass,
      -- No reviewer's accept since the last hand-in: review sampling let it through (find-review-outcome-images.ts, same rule).
      (SELECT count(*) FROM accepted WHERE accepted_at IS NULL OR accepted_at < "submittedAt")::bigint AS accepted_unreviewed,
      (SELECT count(*) FROM annotate WHERE status = 'submitted')::bigint AS awaiting,
      (SELECT count(*) FROM decisions WHERE verdict = 'reject')::bigint AS rejections,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (accepted_at - "submittedAt"))::float8)
        FROM accepted WHERE accepted_at IS NOT NULL AND "submittedAt" IS NOT NULL AND accepted_at >= "submittedAt") / 3600.0::float8 AS median_hours`;
  return {
    accepted: Number(row?.accepted ?? 0),
    acceptedFirstPass: Number(row?.accepted_first_pass ?? 0),
    acceptedWithoutReview: Number(row?.accepted_unreviewed ?? 0),
    rejections: Number(row?.rejections ?? 0),
    awaitingReview: Number(row?.awaiting ?? 0),
    medianHoursToAccept: row?.median_hours == null ? null : Math.round(row.median_hours * 100) / 100,
  };
}
