// "export:progress" to the project room. From the app process (start, list)
// this reaches the browser at once; from the worker it goes through the
// live-event outbox and the app's relay (a fraction of a second later). The
// export page also polls, for a browser that was disconnected meanwhile.
import type { ExportProgressEvent } from "@/lib/schemas/exports";
import { publishEvent } from "../realtime/publish-event";
import { projectRoom } from "../realtime/socket-server";
import { toExportSummary, type ExportRow } from "./to-export-summary";

export const EXPORT_PROGRESS_EVENT = "export:progress";

export function publishExportProgress(options: { row: ExportRow }): void {
  const summary = toExportSummary({ row: options.row });
  const payload: ExportProgressEvent = {
    id: summary.id,
    projectId: summary.projectId,
    status: summary.status,
    progress: summary.progress,
    error: summary.error,
    byteSize: summary.byteSize,
    downloadUrl: summary.downloadUrl,
    // The list shows "Available until" from these once the export is done.
    finishedAt: summary.finishedAt,
    expiresAt: summary.expiresAt,
  };
  publishEvent({ rooms: [projectRoom(summary.projectId)], event: EXPORT_PROGRESS_EVENT, payload });
}
