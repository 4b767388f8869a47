// Export row -> API shape. Options are re-parsed (they are stored as JSON);
// the download link is offered only while the file exists.
import { exportOptionsSchema, type ExportFormat, type ExportSummary } from "@/lib/schemas/exports";
import type { ExportStatus } from "../db/client";

export type ExportRow = {
  id: string;
  projectId: string;
  format: string;
  options: unknown;
  status: ExportStatus;
  progress: number;
  error: string | null;
  byteSize: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
};

export const EXPORT_ROW_SELECT = {
  id: true,
  projectId: true,
  format: true,
  options: true,
  status: true,
  progress: true,
  error: true,
  byteSize: true,
  createdAt: true,
  finishedAt: true,
  expiresAt: true,
} as const;

export function toExportSummary(options: { row: ExportRow; createdByName?: string | null }): ExportSummary {
  const { row } = options;
  const parsed = exportOptionsSchema.safeParse(row.options);
  const exportOptions = parsed.success ? parsed.data : exportOptionsSchema.parse({ format: row.format });
  return {
    id: row.id,
    projectId: row.projectId,
    format: row.format as ExportFormat,
    options: exportOptions,
    status: row.status,
    progress: row.progress,
    error: row.error,
    byteSize: row.byteSize,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdByName: options.createdByName ?? null,
    downloadUrl: row.status === "done" ? `/api/exports/${row.id}/download` : null,
  };
}
