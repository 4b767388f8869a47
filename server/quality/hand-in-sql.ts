// The image's live masks as one JSON array (lib/schemas/hand-in-quality
// HandInMask), for the hand-in snapshot written inside the submit statement:
// the snapshot and the hand-in commit together, so what the reviewer later
// compares against is exactly what was handed in.
import { Prisma } from "../db/generated/client";

/** `imageId` is an SQL expression naming the image (e.g. a CTE column). */
export function liveMasksJsonSql(imageId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(jsonb_agg(jsonb_build_object(
      'id', a.id, 'labelClassId', a."labelClassId", 'rleCounts', a."rleCounts", 'maskHeight', a."maskHeight",
      'maskWidth', a."maskWidth", 'bbox', to_jsonb(a.bbox), 'area', a.area) ORDER BY a."createdAt", a.id), '[]'::jsonb)
    FROM "Annotation" a WHERE a."imageId" = ${imageId} AND a."deletedAt" IS NULL)`;
}
