"use client";
// Keep a finished export (a dataset version: no expiry) or let it expire again.
import type { ExportSummary } from "@/lib/schemas/exports";
import { usePendingAction } from "../ui/use-pending-action";
import { requestJson } from "../ui/request-json";

export function KeepExportButton({ item, onUpdated }: { item: ExportSummary; onUpdated: (summary: ExportSummary) => void }) {
  const { pending, error, run } = usePendingAction();
  const kept = item.expiresAt === null;
  const toggle = () =>
    run(async () => onUpdated(await requestJson<ExportSummary>(`/api/exports/${item.id}`, { method: "PATCH", json: { keep: !kept }, failure: "Could not change it" })));
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={() => void toggle()}
        disabled={pending}
        className="text-xs font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline disabled:opacity-50"
        title={kept ? "Let it expire 7 days from now" : "Keep this export until you let it go (no expiry)"}
      >
        {kept ? "Let expire" : "Keep"}
      </button>
      {error && <span className="text-xs text-red-700" role="alert">{error}</span>}
    </span>
  );
}
