// The SAM data engine's two stages side by side, as the paper reports them
// (masks per image, time per mask): an image handed in (submitted or accepted)
// belongs to the semi-automatic stage when it was ever pre-filled (a pre-fill
// row exists, live or deleted), else to the assisted-manual stage. A rejected
// image is back with its annotator and counts once it is handed in again.
import { roundToTenth } from "@/lib/round-to-tenth";
import type { StageStats } from "@/lib/schemas/analytics";
import { db } from "../db/client";

type Row = {
  semi: boolean;
  images: bigint;
  live_masks: bigint;
  manual_masks: bigint;
  prefill_masks: bigint;
  import_masks: bigint;
  median_seconds: number | null;
  mean_clicks: number | null;
  drawing_seconds: number | null;
};

const perImage = (count: number, images: number) => (images > 0 ? roundToTenth(count / images) : null);

export async function countStageStats(options: { projectId: string }): Promise<StageStats[]> {
  const rows = await db().$queryRaw<Row[]>`
    WITH prefilled AS (
      SELECT DISTINCT "imageId" FROM "Annotation" WHERE "projectId" = ${options.projectId} AND source = 'prefill'
    ),
    handed AS (
      SELECT t."imageId" AS image_id, p."imageId" IS NOT NULL AS semi
      FROM "Task" t LEFT JOIN prefilled p ON p."imageId" = t."imageId"
      WHERE t."projectId" = ${options.projectId} AND t.stage = 'annotate' AND t.status IN ('submitted', 'accepted')
    )
    SELECT h.semi,
      count(DISTINCT h.image_id)::bigint AS images,
      count(a.id) FILTER (WHERE a."deletedAt" IS NULL)::bigint AS live_masks,
      count(a.id) FILTER (WHERE a."deletedAt" IS NULL AND a.source = 'manual')::bigint AS manual_masks,
      count(a.id) FILTER (WHERE a."deletedAt" IS NULL AND a.source = 'prefill')::bigint AS prefill_masks,
      count(a.id) FILTER (WHERE a."deletedAt" IS NULL AND a.source = 'import')::bigint AS import_masks,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY a."secondsSpent") FILTER (WHERE a."deletedAt" IS NULL AND a.source = 'manual') AS median_seconds,
      (avg(a.clicks) FILTER (WHERE a."deletedAt" IS NULL AND a.source = 'manual'))::float8 AS mean_clicks,
      (sum(a."secondsSpent") FILTER (WHERE a.source = 'manual'))::float8 AS drawing_seconds
    FROM handed h LEFT JOIN "Annotation" a ON a."imageId" = h.image_id AND a."projectId" = ${options.projectId}
    GROUP BY h.semi`;
  return [false, true].map((semi) => {
    const row = rows.find((r) => r.semi === semi);
    const images = Number(row?.images ?? 0);
    return {
      stage: semi ? "semi_automatic" : "assisted_manual",
      images,
      masksPerImage: perImage(Number(row?.live_masks ?? 0), images),
      manualPerImage: perImage(Number(row?.manual_masks ?? 0), images),
      prefilledPerImage: perImage(Number(row?.prefill_masks ?? 0), images),
      importedPerImage: perImage(Number(row?.import_masks ?? 0), images),
      medianSecondsPerManualMask: roundToTenth(row?.median_seconds ?? null),
      meanClicksPerManualMask: roundToTenth(row?.mean_clicks ?? null),
      drawingSecondsPerImage: perImage(row?.drawing_seconds ?? 0, images),
    };
  });
}
