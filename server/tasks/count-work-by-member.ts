// Per person in a project: where the images they last handed in stand now,
// the masks they drew in the editor (how many, and the clicks and seconds a
// mask took them, as the editor recorded it), and the reviews they decided.
// Three grouped queries for any number of people; callers check access.
import { roundToTenth } from "@/lib/round-to-tenth";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";

export type MemberWork = {
  /** Sent back for rework is on the queue card already. */
  images: { awaitingReview: number; accepted: number };
  masks: { count: number; medianSeconds: number | null; meanClicks: number | null };
  reviews: { accepted: number; rejected: number };
};

export async function countWorkByMember(options: { projectId: string; userIds: string[] }): Promise<Map<string, MemberWork>> {
  const { projectId, userIds } = options;
  const work = new Map<string, MemberWork>(
    userIds.map((id) => [id, { images: { awaitingReview: 0, accepted: 0 }, masks: { count: 0, medianSeconds: null, meanClicks: null }, reviews: { accepted: 0, rejected: 0 } }]),
  );
  if (userIds.length === 0) return work;
  const people = (column: Prisma.Sql) => Prisma.sql`${column} IN (${Prisma.join(userIds)})`;
  const [tasks, masks, reviews] = await Promise.all([
    db().$queryRaw<{ user_id: string; status: string; count: bigint }[]>`
      SELECT "lastAnnotatorId" AS user_id, status::text AS status, count(*)::bigint AS count FROM "Task"
      WHERE "projectId" = ${projectId} AND stage = 'annotate' AND ${people(Prisma.sql`"lastAnnotatorId"`)}
      GROUP BY 1, 2`,
    // Drawn in the editor (manual); pre-fills accepted as is and imports are not "drawn".
    db().$queryRaw<{ user_id: string; count: bigint; median_seconds: number | null; mean_clicks: number | null }[]>`
      SELECT "authorId" AS user_id, count(*)::bigint AS count,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY "secondsSpent") AS median_seconds, avg(clicks)::float8 AS mean_clicks
      FROM "Annotation"
      WHERE "projectId" = ${projectId} AND source = 'manual' AND "deletedAt" IS NULL AND ${people(Prisma.sql`"authorId"`)}
      GROUP BY 1`,
    // One decision per task and moment (a rejection with three comments is one rejection).
    db().$queryRaw<{ user_id: string; verdict: string; count: bigint }[]>`
      SELECT r."reviewerId" AS user_id, r.verdict::text AS verdict, count(DISTINCT (r."taskId", r."createdAt"))::bigint AS count
      FROM "Review" r JOIN "Task" t ON t.id = r."taskId"
      WHERE t."projectId" = ${projectId} AND ${people(Prisma.sql`r."reviewerId"`)}
      GROUP BY 1, 2`,
  ]);
  for (const row of tasks) {
    const entry = work.get(row.user_id);
    if (!entry) continue;
    if (row.status === "submitted") entry.images.awaitingReview = Number(row.count);
    if (row.status === "accepted") entry.images.accepted = Number(row.count);
  }
  for (const row of masks) {
    const entry = work.get(row.user_id);
    if (entry) entry.masks = { count: Number(row.count), medianSeconds: roundToTenth(row.median_seconds), meanClicks: roundToTenth(row.mean_clicks) };
  }
  for (const row of reviews) {
    const entry = work.get(row.user_id);
    if (!entry) continue;
    if (row.verdict === "accept") entry.reviews.accepted = Number(row.count);
    if (row.verdict === "reject") entry.reviews.rejected = Number(row.count);
  }
  return work;
}
