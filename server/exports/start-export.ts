// Starts an export: check the caller manages the project and that the batch
// and label classes belong to it, record the Export row (queued) and queue the
// worker job after the commit. The job reads the options back from the row.
import { startExportInput, type ExportSummary, type StartExportInput } from "@/lib/schemas/exports";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { JOBS } from "../jobs/job-names";
import { enqueueJob } from "../jobs/queue";
import { publishExportProgress } from "./publish-export-progress";
import { EXPORT_ROW_SELECT, toExportSummary } from "./to-export-summary";

export async function startExport(options: { actor: Actor; projectId: string; input: StartExportInput }): Promise<ExportSummary> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "export datasets" });
  const input = startExportInput.parse(options.input);

  if (input.batchId) {
    const batch = await db().batch.count({ where: { id: input.batchId, projectId } });
    if (!batch) throw new AppError("bad_request", "That batch does not belong to this project.");
  }
  const labelClassIds = [...new Set(input.labelClassIds)];
  if (labelClassIds.length > 0) {
    const found = await db().labelClass.count({ where: { projectId, id: { in: labelClassIds } } });
    if (found !== labelClassIds.length) throw new AppError("bad_request", "Some of the chosen label classes do not belong to this project.");
  }
  const exportOptions = { ...input, labelClassIds };

  const row = await db().$transaction(async (tx) => {
    const created = await tx.export.create({
      data: { projectId, batchId: input.batchId, format: input.format, options: exportOptions, status: "queued", createdById: actor.id },
      select: EXPORT_ROW_SELECT,
    });
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "export.start", targetType: "export", targetId: created.id, data: exportOptions });
    return created;
  });
  try {
    await enqueueJob(JOBS.exportDataset, { exportId: row.id }, { singletonKey: row.id, priority: 0 });
  } catch (error) {
    // Without a job the row would sit in "queued" forever: say so on the row.
    await db().export.update({ where: { id: row.id }, data: { status: "failed", error: "Could not queue the export job." } });
    throw error;
  }
  publishExportProgress({ row });
  return toExportSummary({ row, createdByName: actor.name });
}
