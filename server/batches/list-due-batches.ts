// The batches a manager should hear about on the project page: due today or
// tomorrow, or already late, while images are still open (not accepted or
// skipped). The same test as the due-day reminders (notify-due-batches.ts).
import type { Actor } from "../auth/actor";
import { canManage, requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { dueOnText, utcDay } from "./batch-due-date";

export type DueBatch = { id: string; name: string; dueOn: string; open: number };

export async function listDueBatches(options: { actor: Actor; projectId: string; now?: Date }): Promise<DueBatch[]> {
  const access = await requireProjectAccess({ actor: options.actor, projectId: options.projectId });
  if (!canManage(access)) return [];
  const today = utcDay(options.now ?? new Date());
  const rows = await db().$queryRaw<{ id: string; name: string; dueOn: Date; open: bigint }[]>`
    SELECT b.id, b.name, b."dueOn", count(t.id) AS open
    FROM "Batch" b JOIN "Task" t ON t."batchId" = b.id AND t.stage = 'annotate' AND t.status NOT IN ('accepted', 'skipped')
    WHERE b."projectId" = ${options.projectId} AND b."dueOn" <= ${today}::date + 1
    GROUP BY b.id ORDER BY b."dueOn", b.name`;
  return rows.map((row) => ({ id: row.id, name: row.name, dueOn: dueOnText(row.dueOn)!, open: Number(row.open) }));
}
