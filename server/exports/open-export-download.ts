// The download of a finished export: authorised like the status route, then
// the file streamed from disk (never read whole into memory).
import type { Actor } from "../auth/actor";
import { AppError } from "../errors/app-error";
import { openStoredStream } from "../storage/content-store";
import { requireManagedExport } from "./get-export";

export type ExportDownload = { stream: ReadableStream<Uint8Array>; byteSize: number; fileName: string };

export async function openExportDownload(options: { actor: Actor; exportId: string; now?: Date }): Promise<ExportDownload> {
  const row = await requireManagedExport({ actor: options.actor, exportId: options.exportId, action: "download exports" });
  const now = options.now ?? new Date();
  if (row.status === "expired" || (row.expiresAt && row.expiresAt <= now)) {
    throw new AppError("not_found", "This export has expired; start a new one.");
  }
  if (row.status !== "done" || !row.storageKey) throw new AppError("conflict", `This export is ${row.status}; it can be downloaded once it is done.`);
  const { stream, byteSize } = await openStoredStream(row.storageKey);
  const stamp = row.createdAt.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return { stream, byteSize, fileName: `maskwright-${row.format}-${stamp}-${row.id.slice(-6)}.zip` };
}
