// "Your work in this project" on the queue page: where the images this person
// last handed in stand now, the masks they drew (how many, and the clicks and
// seconds a mask took them, as the editor recorded it), and the reviews they
// decided. Any member may read their own; nobody else's.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";

export type MyWork = {
  /** Sent back for rework is on the queue card already. */
  images: { awaitingReview: number; accepted: number };
  masks: { count: number; medianSeconds: number | null; meanClicks: number | null };
  reviews: { accepted: number; rejected: number };
};

export async function countMyWork(options: { actor: Actor; projectId: string }): Promise<MyWork> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId });
  const [tasks, masks, reviews] = await Promise.all([
    db().task.groupBy({ by: ["status"], where: { projectId, stage: "annotate", lastAnnotatorId: actor.id }, _count: { _all: true } }),
    // Drawn in the editor (manual, with recorded effort); pre-fills accepted as is and imports are not "drawn".
    db().$queryRaw<{ count: bigint; median_seconds: number | null; mean_clicks: number | null }[]>`
      SELECT count(*)::bigint AS count,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY "secondsSpent") AS median_seconds,
        avg(clicks)::float8 AS mean_clicks
      FROM "Annotation"
      WHERE "projectId" = ${projectId} AND "authorId" = ${actor.id} AND source = 'manual' AND "deletedAt" IS NULL`,
    // One decision per task and verdict (a rejection with three comments is one rejection).
    db().$queryRaw<{ verdict: string; count: bigint }[]>`
      SELECT r.verdict::text AS verdict, count(DISTINCT (r."taskId", r."createdAt"))::bigint AS count
      FROM "Review" r JOIN "Task" t ON t.id = r."taskId"
      WHERE t."projectId" = ${projectId} AND r."reviewerId" = ${actor.id}
      GROUP BY r.verdict`,
  ]);
  const tasksIn = (status: string) => tasks.find((group) => group.status === status)?._count._all ?? 0;
  const reviewed = (verdict: string) => Number(reviews.find((row) => row.verdict === verdict)?.count ?? 0);
  const maskRow = masks[0];
  const maskCount = Number(maskRow?.count ?? 0);
  return {
    images: { awaitingReview: tasksIn("submitted"), accepted: tasksIn("accepted") },
    masks: {
      count: maskCount,
      medianSeconds: maskCount > 0 && maskRow?.median_seconds != null ? Math.round(maskRow.median_seconds * 10) / 10 : null,
      meanClicks: maskCount > 0 && maskRow?.mean_clicks != null ? Math.round(maskRow.mean_clicks * 10) / 10 : null,
    },
    reviews: { accepted: reviewed("accept"), rejected: reviewed("reject") },
  };
}
