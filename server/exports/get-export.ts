// One export's status (polled by the export page while it runs). Access is
// checked on the export's project: a non-member gets not_found, an annotator
// or reviewer forbidden, exactly as for the project's routes.
import type { ExportSummary } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { EXPORT_ROW_SELECT, toExportSummary, type ExportRow } from "./to-export-summary";

/** Loads the row and checks the actor manages its project. Shared with the download. */
export async function requireManagedExport(options: {
  actor: Actor;
  exportId: string;
  action: string;
}): Promise<ExportRow & { storageKey: string | null; createdById: string }> {
  const row = await db().export.findUnique({ where: { id: options.exportId }, select: { ...EXPORT_ROW_SELECT, storageKey: true, createdById: true } });
  if (!row) throw new AppError("not_found", "Export not found.");
  await requireProjectAccess({ actor: options.actor, projectId: row.projectId, roles: ["manager"], action: options.action });
  return row;
}

export async function getExport(options: { actor: Actor; exportId: string }): Promise<ExportSummary> {
  const row = await requireManagedExport({ actor: options.actor, exportId: options.exportId, action: "see exports" });
  const creator = await db().user.findUnique({ where: { id: row.createdById }, select: { name: true } });
  return toExportSummary({ row, createdByName: creator?.name ?? null });
}
