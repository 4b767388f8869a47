// What happened to pre-filled masks, per image and per project, derived from
// Annotation rows alone (nothing extra is stored, so the numbers can never
// drift from the masks):
//   kept      - the pre-fill row is live, its pixels were never edited (no
//               tool telemetry on it) and somebody decided on it: it was
//               accepted (given a label) or its image was submitted with it;
//   pending   - live and untouched, but nobody has decided yet: no label and
//               the image not submitted. Counting these as "kept" would call
//               every fresh pre-fill a success before an annotator saw it;
//   corrected - a live mask descends from it through originId (a correction,
//               or a correction of a correction), or it was edited in place
//               with a tool;
//   deleted   - the pre-fill row is deleted and no live mask descends from it;
//   manual added after pre-fill - live manual masks with no origin, created
//               after the image's pre-fill, and the seconds spent on them.
// For analytics and managers; the caller checks permissions
// (getPrefillOutcomes does for routes).
// One SQL statement does it (a recursive walk of originId for the corrections),
// so a project with tens of thousands of pre-filled images is not loaded into
// memory row by row.
import type { PrefillOutcomeCounts, PrefillOutcomes } from "@/lib/schemas/detector";
import { db } from "../db/client";

type ImageRow = { imageId: string; prefilled: bigint; kept: bigint; pending: bigint; corrected: bigint; deleted: bigint; manualAdded: bigint; manualSeconds: number };

function emptyCounts(): PrefillOutcomeCounts {
  return { prefilled: 0, kept: 0, pending: 0, corrected: 0, deleted: 0, manualAdded: 0, manualSeconds: 0, secondsPerManualMask: null };
}

export async function countPrefillOutcomes(options: { projectId: string; imageIds?: string[] }): Promise<PrefillOutcomes> {
  const { projectId } = options;
  const imageIds = options.imageIds ?? null;
  const rows = await db().$queryRaw<ImageRow[]>`
    WITH RECURSIVE prefill AS (
      SELECT id, "imageId", "labelClassId", "deletedAt", cardinality("toolsUsed") > 0 OR clicks > 0 AS edited
      FROM "Annotation"
      WHERE "projectId" = ${projectId} AND source = 'prefill' AND (${imageIds}::text[] IS NULL OR "imageId" = ANY(${imageIds}::text[]))
    ),
    -- Every mask descending from a pre-fill through originId (corrections of corrections too), live or not.
    descendant AS (
      -- "originId IS NOT NULL" lets the planner start from the few masks that have an origin (its index).
      SELECT p.id AS root, c.id, c."deletedAt" IS NULL AS live
      FROM "Annotation" c JOIN prefill p ON p.id = c."originId"
      WHERE c."originId" IS NOT NULL AND c."projectId" = ${projectId} AND c.source <> 'prefill'
      UNION
      SELECT d.root, c.id, c."deletedAt" IS NULL
      FROM descendant d JOIN "Annotation" c ON c."originId" = d.id AND c."projectId" = ${projectId} AND c.source <> 'prefill'
    ),
    corrected AS (SELECT DISTINCT root FROM descendant WHERE live),
    handed_in AS (
      SELECT DISTINCT t."imageId" FROM "Task" t
      WHERE t."projectId" = ${projectId} AND t.stage = 'annotate' AND t.status IN ('submitted', 'accepted', 'rejected')
    ),
    outcome AS (
      SELECT p."imageId",
        CASE
          WHEN c.root IS NOT NULL OR (p."deletedAt" IS NULL AND p.edited) THEN 'corrected'
          WHEN p."deletedAt" IS NOT NULL THEN 'deleted'
          WHEN p."labelClassId" IS NOT NULL OR h."imageId" IS NOT NULL THEN 'kept'
          ELSE 'pending'
        END AS outcome
      FROM prefill p LEFT JOIN corrected c ON c.root = p.id LEFT JOIN handed_in h ON h."imageId" = p."imageId"
    ),
    per_image AS (
      SELECT "imageId", count(*) AS prefilled,
        count(*) FILTER (WHERE outcome = 'kept') AS kept, count(*) FILTER (WHERE outcome = 'pending') AS pending,
        count(*) FILTER (WHERE outcome = 'corrected') AS corrected, count(*) FILTER (WHERE outcome = 'deleted') AS deleted
      FROM outcome GROUP BY "imageId"
    ),
    -- Live manual masks drawn from scratch (no origin) after the image was pre-filled. The first pre-fill
    -- times are grouped from the table again rather than read from per_image: the planner can estimate
    -- that (a hash join), where a CTE's unknown size led it into a nested loop three times slower.
    manual AS (
      SELECT a."imageId", count(*) AS added, sum(a."secondsSpent") AS seconds
      FROM "Annotation" a
      JOIN (
        SELECT "imageId", min("createdAt") AS since FROM "Annotation"
        WHERE "projectId" = ${projectId} AND source = 'prefill' AND (${imageIds}::text[] IS NULL OR "imageId" = ANY(${imageIds}::text[]))
        GROUP BY "imageId"
      ) f ON f."imageId" = a."imageId"
      WHERE a."projectId" = ${projectId} AND a.source = 'manual' AND a."originId" IS NULL AND a."deletedAt" IS NULL AND a."createdAt" >= f.since
      GROUP BY a."imageId"
    )
    SELECT i."imageId", i.prefilled, i.kept, i.pending, i.corrected, i.deleted,
      coalesce(m.added, 0) AS "manualAdded", coalesce(m.seconds, 0)::float8 AS "manualSeconds"
    FROM per_image i LEFT JOIN manual m ON m."imageId" = i."imageId"
    ORDER BY i."imageId"`;

  const project = { ...emptyCounts(), images: rows.length };
  const images = rows.map((row) => {
    const counts: PrefillOutcomeCounts = {
      prefilled: Number(row.prefilled),
      kept: Number(row.kept),
      pending: Number(row.pending),
      corrected: Number(row.corrected),
      deleted: Number(row.deleted),
      manualAdded: Number(row.manualAdded),
      manualSeconds: row.manualSeconds,
      secondsPerManualMask: null,
    };
    counts.secondsPerManualMask = counts.manualAdded > 0 ? counts.manualSeconds / counts.manualAdded : null;
    for (const key of ["prefilled", "kept", "pending", "corrected", "deleted", "manualAdded", "manualSeconds"] as const) project[key] += counts[key];
    return { imageId: row.imageId, ...counts };
  });
  project.secondsPerManualMask = project.manualAdded > 0 ? project.manualSeconds / project.manualAdded : null;
  return { project, images };
}
