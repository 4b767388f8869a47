// "Keep" a finished export: it no longer expires (a dataset version to come
// back to), or, un-kept, expires EXPORT_TTL_DAYS from now (not from when it
// was made, so letting an old export go never deletes it under the manager's
// feet). Only a finished export can be kept: a running one gets its expiry
// when it finishes, which would undo the choice.
import type { ExportSummary } from "@/lib/schemas/exports";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { EXPORT_TTL_DAYS } from "./expire-exports";
import { requireManagedExport } from "./get-export";
import { publishExportProgress } from "./publish-export-progress";
import { EXPORT_ROW_SELECT, toExportSummary } from "./to-export-summary";

export async function keepExport(options: { actor: Actor; exportId: string; keep: boolean; now?: Date }): Promise<ExportSummary> {
  const { actor, exportId, keep } = options;
  const row = await requireManagedExport({ actor, exportId, action: "keep exports" });
  if (row.status !== "done") throw new AppError("conflict", `Only a finished export can be kept; this one is ${row.status}.`);
  const now = options.now ?? new Date();
  const expiresAt = keep ? null : new Date(now.getTime() + EXPORT_TTL_DAYS * 24 * 3600 * 1000);
  const updated = await db().$transaction(async (tx) => {
    // status "done" in the condition: an expiry sweep that got there first wins, and the caller hears so.
    const { count } = await tx.export.updateMany({ where: { id: exportId, status: "done" }, data: { expiresAt } });
    if (count === 0) throw new AppError("conflict", "The export expired meanwhile; start a new one.");
    await recordAuditEvent({ tx, actorId: actor.id, projectId: row.projectId, action: "export.keep", targetType: "export", targetId: exportId, data: { keep, format: row.format } });
    return tx.export.findUniqueOrThrow({ where: { id: exportId }, select: EXPORT_ROW_SELECT });
  });
  publishExportProgress({ row: updated });
  const creator = await db().user.findUnique({ where: { id: row.createdById }, select: { name: true } });
  return toExportSummary({ row: updated, createdByName: creator?.name ?? null });
}
