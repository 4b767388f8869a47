// Live masks per label class: how many, on how many images, and their median
// area in pixels, every class in the editor's order (empty ones too, so a
// class nobody uses shows up), then the unlabelled masks (class-agnostic
// pre-fills and imports) when there are any.
import type { LabelStats } from "@/lib/schemas/analytics";
import { db } from "../db/client";

export async function countLabelStats(options: { projectId: string }): Promise<LabelStats[]> {
  const { projectId } = options;
  const [classes, rows] = await Promise.all([
    db().labelClass.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true, color: true } }),
    db().$queryRaw<{ label_id: string | null; masks: bigint; images: bigint; median_area: number | null }[]>`
      SELECT "labelClassId" AS label_id, count(*)::bigint AS masks, count(DISTINCT "imageId")::bigint AS images,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY area) AS median_area
      FROM "Annotation" WHERE "projectId" = ${projectId} AND "deletedAt" IS NULL
      GROUP BY 1`,
  ]);
  const byLabel = new Map(rows.map((row) => [row.label_id, row]));
  const stats = (row: (typeof rows)[number] | undefined) => ({
    masks: Number(row?.masks ?? 0),
    images: Number(row?.images ?? 0),
    medianArea: row?.median_area == null ? null : Math.round(row.median_area),
  });
  const labelled: LabelStats[] = classes.map((c) => ({ labelClassId: c.id, name: c.name, color: c.color, ...stats(byLabel.get(c.id)) }));
  const unlabelled = byLabel.get(null);
  return unlabelled ? [...labelled, { labelClassId: null, name: "No label", color: null, ...stats(unlabelled) }] : labelled;
}
