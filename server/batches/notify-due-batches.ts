// Due-day reminders. A batch with images still open is announced once when its
// due day is today or tomorrow ("batch.due_soon") and once when the day has
// passed ("batch.overdue"), as webhook events (a team's chat, a tracker) and
// lines in the Activity log. Each reminder remembers the due day it was sent
// for, so a sweep run twice, or by two app processes at once, sends it once,
// and moving the due day arms it again.
import { Prisma } from "../db/generated/client";
import { db } from "../db/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";
import { webhookBatchesUrl } from "../webhooks/webhook-event-data";
import { dueOnText, utcDay } from "./batch-due-date";

export type DueReminderKind = "due_soon" | "overdue";

type DueBatchRow = { id: string; projectId: string; name: string; priority: number; dueOn: Date };
type OpenCounts = { todo: number; in_progress: number; submitted: number; rejected: number };

const OPEN = Prisma.sql`t."batchId" = b.id AND t.stage = 'annotate' AND t.status NOT IN ('accepted', 'skipped')`;

/** Claims the batches to remind of, marking them in the same statement (the guard that makes a sweep idempotent). */
async function claimDueBatches(tx: Prisma.TransactionClient, kind: DueReminderKind, today: string): Promise<DueBatchRow[]> {
  const day = Prisma.sql`${today}::date`;
  if (kind === "due_soon") {
    return tx.$queryRaw<DueBatchRow[]>`
      UPDATE "Batch" b SET "dueSoonNotifiedFor" = b."dueOn"
      WHERE b."dueOn" BETWEEN ${day} AND ${day} + 1 AND b."dueSoonNotifiedFor" IS DISTINCT FROM b."dueOn"
        AND EXISTS (SELECT 1 FROM "Task" t WHERE ${OPEN})
      RETURNING b.id, b."projectId", b.name, b.priority, b."dueOn"`;
  }
  return tx.$queryRaw<DueBatchRow[]>`
    UPDATE "Batch" b SET "overdueNotifiedFor" = b."dueOn"
    WHERE b."dueOn" < ${day} AND b."overdueNotifiedFor" IS DISTINCT FROM b."dueOn"
      AND EXISTS (SELECT 1 FROM "Task" t WHERE ${OPEN})
    RETURNING b.id, b."projectId", b.name, b.priority, b."dueOn"`;
}

/** Who holds the batch's open images (null: the pool), most first: who a reminder is for. */
async function openByAssignee(tx: Prisma.TransactionClient, batchId: string) {
  const rows = await tx.task.groupBy({ by: ["assigneeId"], where: { batchId, stage: "annotate", status: { notIn: ["accepted", "skipped"] } }, _count: { _all: true } });
  const ids = rows.map((row) => row.assigneeId).filter((id): id is string => id !== null);
  const names = new Map((await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  return rows
    .map((row) => ({ userId: row.assigneeId, name: row.assigneeId ? (names.get(row.assigneeId) ?? null) : null, open: row._count._all }))
    .sort((a, b) => b.open - a.open);
}

async function openCounts(tx: Prisma.TransactionClient, batchId: string): Promise<OpenCounts> {
  const rows = await tx.task.groupBy({ by: ["status"], where: { batchId, stage: "annotate", status: { in: ["todo", "in_progress", "submitted", "rejected"] } }, _count: { _all: true } });
  const counts: OpenCounts = { todo: 0, in_progress: 0, submitted: 0, rejected: 0 };
  for (const row of rows) counts[row.status as keyof OpenCounts] = row._count._all;
  return counts;
}

/** One sweep: the reminders due now, sent (queued) and recorded. Returns the batches reminded of, by kind. */
export async function notifyDueBatches(options: { now?: Date } = {}): Promise<Record<DueReminderKind, string[]>> {
  const today = utcDay(options.now ?? new Date());
  const sent: Record<DueReminderKind, string[]> = { due_soon: [], overdue: [] };
  for (const kind of ["due_soon", "overdue"] as const) {
    await db().$transaction(async (tx) => {
      for (const batch of await claimDueBatches(tx, kind, today)) {
        const open = await openCounts(tx, batch.id);
        const openTotal = open.todo + open.in_progress + open.submitted + open.rejected;
        const dueOn = dueOnText(batch.dueOn);
        const data = {
          batch: { id: batch.id, name: batch.name, priority: batch.priority, dueOn, url: webhookBatchesUrl(batch.projectId) },
          open: { ...open, total: openTotal },
          assignees: await openByAssignee(tx, batch.id),
        };
        await queueWebhookEvent({ tx, projectId: batch.projectId, event: `batch.${kind}`, data });
        await recordAuditEvent({ tx, actorId: null, projectId: batch.projectId, action: `batch.${kind}`, targetType: "batch", targetId: batch.id, data: { name: batch.name, dueOn, open: openTotal, today } });
        sent[kind].push(batch.id);
      }
    });
  }
  return sent;
}
