"use client";

import { EXPORT_FORMAT_LABELS, type ExportSummary } from "@/lib/schemas/exports";
import { KeepExportButton } from "./keep-export-button";

function formatBytes(bytes: number | null): string {
  if (bytes === null) return "";
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "";
}

function filterText(item: ExportSummary): string {
  const parts = [item.options.statuses.join(", ")];
  if (item.options.batchId) parts.push("one batch");
  if (item.options.labelClassIds.length > 0) parts.push(`${item.options.labelClassIds.length} class(es)`);
  if (item.options.includeImages) parts.push("with images");
  if (item.options.cocoPolygons) parts.push("polygons");
  if (item.options.maxSide) parts.push(`resized to ${item.options.maxSide} px`);
  if (item.options.dropNearDuplicates) parts.push("one per near-duplicate group");
  if (item.options.reviewedOnly) parts.push("reviewed images only");
  const split = item.options.split;
  if (split) parts.push(`split ${split.train}/${split.val}/${split.test} (seed ${split.seed})`);
  return parts.join(" · ");
}

const STATUS_STYLE: Record<ExportSummary["status"], string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-blue-100 text-blue-800",
  done: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  expired: "bg-slate-100 text-slate-500",
};

/** The project's exports with live progress bars, download links and expiry. */
export function ExportList({ items, onUpdated }: { items: ExportSummary[]; onUpdated: (summary: ExportSummary) => void }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">No exports yet.</p>;
  return (
    <ul className="divide-y divide-slate-200" aria-label="Exports">
      {items.map((item) => {
        const percent = Math.round(item.progress * 100);
        return (
          <li key={item.id} className="py-3" data-testid="export-row" data-status={item.status} data-kept={item.status === "done" && item.expiresAt === null ? "true" : "false"}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <p className="text-sm font-medium text-slate-900">{EXPORT_FORMAT_LABELS[item.format] ?? item.format}</p>
                <p className="text-xs text-slate-500">
                  {formatDate(item.createdAt)}
                  {item.createdByName ? ` · ${item.createdByName}` : ""} · {filterText(item)}
                </p>
              </div>
              <div className="flex items-center gap-3">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[item.status]}`}>{item.status}</span>
                {item.downloadUrl && (
                  <a href={item.downloadUrl} download className="text-sm font-medium text-brand-700 hover:underline">
                    Download zip ({formatBytes(item.byteSize)})
                  </a>
                )}
              </div>
            </div>
            {(item.status === "queued" || item.status === "running") && (
              <div className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label="Export progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
                <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${Math.max(percent, 2)}%` }} />
              </div>
            )}
            {item.status === "failed" && item.error && <p className="mt-1 text-xs text-red-700">{item.error}</p>}
            {item.status === "done" && (
              <p className="mt-1 flex flex-wrap items-center gap-x-3 text-xs text-slate-500">
                {item.expiresAt ? `Available until ${formatDate(item.expiresAt)}` : "Kept: not deleted automatically"}
                <KeepExportButton item={item} onUpdated={onUpdated} />
              </p>
            )}
            {item.status === "expired" && <p className="mt-1 text-xs text-slate-500">Expired: the file was deleted. Start a new export.</p>}
          </li>
        );
      })}
    </ul>
  );
}
