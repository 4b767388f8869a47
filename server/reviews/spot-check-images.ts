// "Spot-check N": a manager sends N images that review sampling accepted
// without a review, drawn at random (of one annotator's, when named), back to
// review: the random audit a sampled project needs, without paging through
// the Images tab's filter. The draw and the move are one request; the move
// itself is requestReviews (all or none, scored like any other review).
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { requestReviews } from "./request-review";

type Unreviewed = { imageId: string; waiting: bigint };

/** Up to `count` random unreviewed accepted images, and how many there were to draw from. */
async function drawUnreviewed(options: { projectId: string; count: number; annotatorId?: string }): Promise<{ imageIds: string[]; available: number }> {
  const byAnnotator = options.annotatorId ? Prisma.sql`AND t."lastAnnotatorId" = ${options.annotatorId}` : Prisma.empty;
  // Same test as the Images tab's "Accepted without review" filter (find-review-outcome-images.ts).
  const rows = await db().$queryRaw<Unreviewed[]>`
    SELECT t."imageId", count(*) OVER () AS waiting FROM "Task" t
    WHERE t."projectId" = ${options.projectId} AND t.stage = 'annotate' AND t.status = 'accepted' ${byAnnotator}
      AND NOT EXISTS (
        SELECT 1 FROM "Review" r JOIN "Task" rt ON rt.id = r."taskId"
        WHERE rt."imageId" = t."imageId" AND rt.stage = 'review' AND r.verdict = 'accept' AND r."createdAt" >= t."submittedAt")
    ORDER BY random() LIMIT ${options.count}`;
  return { imageIds: rows.map((row) => row.imageId), available: Number(rows[0]?.waiting ?? 0) };
}

export async function spotCheckImages(options: { actor: Actor; projectId: string; count: number; annotatorId?: string }) {
  const { actor, projectId, annotatorId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "send images to review" });
  let whose = "";
  if (annotatorId) {
    // Only someone who labelled here is named back (no probing of other projects' people).
    const labelled = await db().task.count({ where: { projectId, stage: "annotate", lastAnnotatorId: annotatorId } });
    const user = labelled > 0 ? await db().user.findUnique({ where: { id: annotatorId }, select: { name: true } }) : null;
    if (!user) throw new AppError("not_found", "That person has handed in nothing in this project.");
    whose = ` from ${user.name}`;
  }
  const { imageIds, available } = await drawUnreviewed({ projectId, count: options.count, annotatorId });
  if (imageIds.length === 0) throw new AppError("conflict", `No image${whose} was accepted without review; there is nothing to spot-check.`);
  const result = await requestReviews({ actor, projectId, imageIds });
  return { ...result, available };
}
