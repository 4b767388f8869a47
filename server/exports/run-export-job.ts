// The worker's export job. Idempotent under pg-boss's at-least-once
// delivery: a finished export is left alone, a re-delivered running one
// starts over from scratch. The archive is written to a ".partial" file and
// renamed into place, so a "done" row always points at a complete zip. A
// failure is recorded on the row (and not retried: the same input fails the
// same way; the manager sees the message and can start again).
import fs from "node:fs/promises";
import path from "node:path";
import { exportOptionsSchema } from "@/lib/schemas/exports";
import { db } from "../db/client";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { buildExportArchive, type ExportArchiveStats } from "./build-export-archive";
import { EXPORT_TTL_DAYS, expireExports } from "./expire-exports";
import { publishExportProgress } from "./publish-export-progress";
import { EXPORT_ROW_SELECT } from "./to-export-summary";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";
import { webhookExportData } from "../webhooks/webhook-event-data";

const PROGRESS_MIN_INTERVAL_MS = 500;

export type ExportJobResult = { status: "done"; stats: ExportArchiveStats; byteSize: number } | { status: "failed"; error: string } | { status: "skipped" };

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500) || "unknown error";
}

export async function runExportJob(options: { exportId: string; now?: () => Date }): Promise<ExportJobResult> {
  const now = options.now ?? (() => new Date());
  await expireExports({ now: now() }).catch((error: unknown) => console.error("[exports] expiry sweep failed", error));

  const claimed = await db().export.updateMany({
    where: { id: options.exportId, status: { in: ["queued", "running"] } },
    data: { status: "running", progress: 0, error: null },
  });
  if (claimed.count === 0) return { status: "skipped" };
  const row = await db().export.findUniqueOrThrow({ where: { id: options.exportId }, select: { ...EXPORT_ROW_SELECT, createdAt: true } });
  publishExportProgress({ row });

  const key = exportKeyFor(row.id);
  const finalPath = storedFilePath(key);
  const partialPath = `${finalPath}.partial`;
  const workDir = `${finalPath}.work`;
  try {
    const exportOptions = exportOptionsSchema.parse(row.options);
    const project = await db().project.findUniqueOrThrow({ where: { id: row.projectId }, select: { name: true } });
    await fs.mkdir(path.dirname(finalPath), { recursive: true });
    await fs.rm(partialPath, { force: true });
    await fs.rm(workDir, { recursive: true, force: true });
    await fs.mkdir(workDir);

    let lastWrite = 0;
    const stats = await buildExportArchive({
      projectId: row.projectId,
      projectName: project.name,
      exportOptions,
      createdAt: row.createdAt,
      filePath: partialPath,
      workDir,
      onProgress: async (fraction) => {
        const at = Date.now();
        if (at - lastWrite < PROGRESS_MIN_INTERVAL_MS) return;
        lastWrite = at;
        // 0.99 at most: "1" means the file is complete and downloadable.
        const updated = await db().export.update({ where: { id: row.id }, data: { progress: Math.min(fraction, 0.99) }, select: EXPORT_ROW_SELECT });
        publishExportProgress({ row: updated });
      },
    });
    await fs.rename(partialPath, finalPath);
    const { size } = await fs.stat(finalPath);
    const finishedAt = now();
    // "done" and its webhook event commit together.
    const done = await db().$transaction(async (tx) => {
      const updated = await tx.export.update({
        where: { id: row.id },
        data: {
          status: "done",
          progress: 1,
          storageKey: key,
          byteSize: size,
          finishedAt,
          expiresAt: new Date(finishedAt.getTime() + EXPORT_TTL_DAYS * 24 * 3600 * 1000),
        },
        select: EXPORT_ROW_SELECT,
      });
      await queueWebhookEvent({ tx, projectId: updated.projectId, event: "export.finished", data: webhookExportData(updated) });
      return updated;
    });
    publishExportProgress({ row: done });
    return { status: "done", stats, byteSize: size };
  } catch (error) {
    await fs.rm(partialPath, { force: true }).catch(() => undefined);
    const message = describeError(error);
    const marked = await db().$transaction(async (tx) => {
      const updated = await tx.export.updateMany({ where: { id: row.id }, data: { status: "failed", error: message, finishedAt: now() } });
      if (updated.count > 0) await queueWebhookEvent({ tx, projectId: row.projectId, event: "export.finished", data: webhookExportData({ ...row, status: "failed", error: message, byteSize: null, expiresAt: null }) });
      return updated;
    });
    if (marked.count === 0) {
      // Its project was deleted while it ran: nothing to report to, and no archive to keep.
      await fs.rm(finalPath, { force: true }).catch(() => undefined);
      return { status: "skipped" };
    }
    console.error(`[exports] export ${row.id} failed`, error);
    const failed = await db().export.findUnique({ where: { id: row.id }, select: EXPORT_ROW_SELECT });
    if (failed) publishExportProgress({ row: failed });
    return { status: "failed", error: message };
  } finally {
    await fs.rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
