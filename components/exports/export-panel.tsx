"use client";

import { useCallback, useEffect, useState } from "react";
import type { ExportProgressEvent, ExportSummary } from "@/lib/schemas/exports";
import { useProjectEvent } from "../realtime/use-project-socket";
import { card } from "../ui/button-styles";
import { DatasetChecksPanel } from "./dataset-checks-panel";
import { ExportForm } from "./export-form";
import { ExportList } from "./export-list";

const POLL_MS = 1500;

type Props = {
  projectId: string;
  labelClasses: { id: string; name: string; color: string }[];
  batches: { id: string; name: string }[];
  initialExports: ExportSummary[];
};

/**
 * Export form and list. Progress arrives over the project socket (the worker
 * publishes through the live-event outbox); while an export is queued or
 * running its status is also polled, for a socket that missed events.
 */
export function ExportPanel({ projectId, labelClasses, batches, initialExports }: Props) {
  const [items, setItems] = useState(initialExports);

  const merge = useCallback((update: Partial<ExportSummary> & { id: string }) => {
    // Socket payloads carry no creator name; keep the one already shown.
    setItems((current) => current.map((item) => (item.id === update.id ? { ...item, ...update, createdByName: update.createdByName ?? item.createdByName } : item)));
  }, []);
  const onEvent = useCallback((event: ExportProgressEvent) => {
    if (event.projectId === projectId) merge(event);
  }, [projectId, merge]);
  useProjectEvent(projectId, "export:progress", onEvent);

  const active = items.filter((item) => item.status === "queued" || item.status === "running").map((item) => item.id).join(",");
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      for (const id of active.split(",")) {
        const response = await fetch(`/api/exports/${id}`, { cache: "no-store" }).catch(() => null);
        if (cancelled || !response?.ok) continue;
        merge((await response.json()) as ExportSummary);
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [active, merge]);

  return (
    <div className="space-y-6">
      <section className={`${card} p-5`} aria-labelledby="new-export-title">
        <h2 id="new-export-title" className="mb-4 text-lg font-semibold">New export</h2>
        <ExportForm projectId={projectId} labelClasses={labelClasses} batches={batches} onStarted={(summary) => setItems((current) => [summary, ...current])} />
      </section>
      <section className={`${card} p-5`} aria-labelledby="checks-title">
        <h2 id="checks-title" className="text-lg font-semibold">Checks before export</h2>
        <DatasetChecksPanel projectId={projectId} />
      </section>
      <section className={`${card} p-5`} aria-labelledby="exports-title">
        <h2 id="exports-title" className="text-lg font-semibold">Exports</h2>
        <p className="mb-2 text-xs text-slate-500">Kept for 7 days, then deleted, unless you keep one. Only managers and admins can download them.</p>
        <ExportList items={items} onUpdated={merge} />
      </section>
    </div>
  );
}
