// Exports are kept for EXPORT_TTL_DAYS: past that their file is deleted and
// the row marked expired (the row stays, as a record). Runs whenever exports
// are listed and before each export job, so no scheduler is needed.
import { db } from "../db/client";
import { deleteStoredFile } from "../storage/content-store";

export const EXPORT_TTL_DAYS = 7;

export async function expireExports(options: { projectId?: string; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const due = await db().export.findMany({
    where: { status: "done", expiresAt: { lte: now }, ...(options.projectId ? { projectId: options.projectId } : {}) },
    select: { id: true, storageKey: true },
  });
  for (const row of due) {
    // Mark first: a download racing this sees "expired", never a missing file behind a "done" row.
    const { count } = await db().export.updateMany({ where: { id: row.id, status: "done" }, data: { status: "expired" } });
    if (count === 1 && row.storageKey) await deleteStoredFile(row.storageKey);
  }
  return due.length;
}
