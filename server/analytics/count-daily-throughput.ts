// Work per UTC day over the last `days` days, today included, every day
// present (zeros too) so a chart needs no gap handling: images handed in
// (by their latest hand-in), masks drawn in the editor that are still live,
// and review decisions (one per task and moment, as the team table counts).
// The columns are TIMESTAMP(3) holding UTC (Prisma writes UTC), so to_char
// of the bare column is the UTC day whatever the session's time zone.
import type { DailyThroughput } from "@/lib/schemas/analytics";
import { db } from "../db/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The `days` UTC calendar days ending with the one `now` falls in, oldest first. */
export function utcDaysEnding(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

export async function countDailyThroughput(options: { projectId: string; days: number; now?: Date }): Promise<DailyThroughput[]> {
  const { projectId, days } = options;
  const dayList = utcDaysEnding(options.now ?? new Date(), days);
  // A plain timestamp literal: a Date parameter would be compared as timestamptz in the session's zone.
  const since = `${dayList[0]} 00:00:00`;
  const [handedIn, drawn, decisions] = await Promise.all([
    db().$queryRaw<{ day: string; count: bigint }[]>`
      SELECT to_char("submittedAt", 'YYYY-MM-DD') AS day, count(*)::bigint AS count FROM "Task"
      WHERE "projectId" = ${projectId} AND stage = 'annotate' AND status IN ('submitted', 'accepted') AND "submittedAt" >= CAST(${since} AS timestamp)
      GROUP BY 1`,
    db().$queryRaw<{ day: string; count: bigint }[]>`
      SELECT to_char("createdAt", 'YYYY-MM-DD') AS day, count(*)::bigint AS count FROM "Annotation"
      WHERE "projectId" = ${projectId} AND source = 'manual' AND "deletedAt" IS NULL AND "createdAt" >= CAST(${since} AS timestamp)
      GROUP BY 1`,
    db().$queryRaw<{ day: string; count: bigint }[]>`
      SELECT to_char(r."createdAt", 'YYYY-MM-DD') AS day, count(DISTINCT (r."taskId", r."createdAt"))::bigint AS count
      FROM "Review" r JOIN "Task" t ON t.id = r."taskId"
      WHERE t."projectId" = ${projectId} AND r."createdAt" >= CAST(${since} AS timestamp)
      GROUP BY 1`,
  ]);
  const byDay = (rows: { day: string; count: bigint }[]) => new Map(rows.map((row) => [row.day, Number(row.count)]));
  const [h, d, r] = [byDay(handedIn), byDay(drawn), byDay(decisions)];
  return dayList.map((day) => ({ day, imagesHandedIn: h.get(day) ?? 0, masksDrawn: d.get(day) ?? 0, reviewDecisions: r.get(day) ?? 0 }));
}
