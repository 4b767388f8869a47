// Which editor tools the live drawn masks used (a mask made with clicks and
// then brushed counts under both), with the median seconds and mean clicks of
// those masks: where annotators spend their time, most used tool first.
import { roundToTenth } from "@/lib/round-to-tenth";
import type { ToolStats } from "@/lib/schemas/analytics";
import { db } from "../db/client";

export async function countToolUsage(options: { projectId: string }): Promise<ToolStats[]> {
  const rows = await db().$queryRaw<{ tool: string; masks: bigint; median_seconds: number | null; mean_clicks: number | null }[]>`
    SELECT tool, count(*)::bigint AS masks,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY a."secondsSpent") AS median_seconds, avg(a.clicks)::float8 AS mean_clicks
    FROM "Annotation" a CROSS JOIN LATERAL unnest(a."toolsUsed") AS tool
    WHERE a."projectId" = ${options.projectId} AND a.source = 'manual' AND a."deletedAt" IS NULL
    GROUP BY tool
    ORDER BY masks DESC, tool`;
  return rows.map((row) => ({ tool: row.tool, masks: Number(row.masks), medianSeconds: roundToTenth(row.median_seconds), meanClicks: roundToTenth(row.mean_clicks) }));
}
