// Every image id of a filtered view in the view's order: the editor's
// previous / next walk, and the Images tab's page when it is sorted by mask
// count (live masks only, which Prisma's relation-count ordering cannot
// filter, so the count is ranked in SQL and the filter applied to it).
import { Prisma } from "../db/generated/client";
import { db } from "../db/client";
import { imageListOrder, imageListWhereFor, type ImageListFilters } from "./image-list-where";

export function isMaskCountSort(sort: ImageListFilters["sort"]): boolean {
  return sort === "masks_desc" || sort === "masks_asc";
}

export async function listImageIdsInOrder(options: { projectId: string; filters?: ImageListFilters }): Promise<string[]> {
  const { projectId } = options;
  const filters = options.filters ?? {};
  const where = await imageListWhereFor({ projectId, filters });
  if (!isMaskCountSort(filters.sort)) {
    return (await db().image.findMany({ where, orderBy: imageListOrder(filters.sort), select: { id: true } })).map((row) => row.id);
  }
  const direction = filters.sort === "masks_asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const [matching, ranked] = await Promise.all([
    db().image.findMany({ where, select: { id: true } }),
    db().$queryRaw<{ id: string }[]>`
      SELECT i.id FROM "Image" i
      LEFT JOIN (
        SELECT "imageId", count(*) AS masks FROM "Annotation"
        WHERE "projectId" = ${projectId} AND "deletedAt" IS NULL GROUP BY "imageId"
      ) a ON a."imageId" = i.id
      WHERE i."projectId" = ${projectId}
      ORDER BY COALESCE(a.masks, 0) ${direction}, i."createdAt" ASC, i.id ASC`,
  ]);
  const inView = new Set(matching.map((row) => row.id));
  return ranked.map((row) => row.id).filter((id) => inView.has(id));
}
