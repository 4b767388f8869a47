"use client";

import { useState, type FormEvent } from "react";
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, TASK_STATUSES, type ExportFormat, type ExportSummary, type StartExportInput } from "@/lib/schemas/exports";
import { TASK_STATUS_LABELS } from "@/lib/schemas/tasks";
import { buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { ExportSplitFields, type SplitChoice } from "./export-split-fields";

type Props = {
  projectId: string;
  labelClasses: { id: string; name: string; color: string }[];
  batches: { id: string; name: string }[];
  onStarted: (summary: ExportSummary) => void;
};

/** Format, filters and "start": posts to the export route, which queues the job. */
export function ExportForm({ projectId, labelClasses, batches, onStarted }: Props) {
  const [format, setFormat] = useState<ExportFormat>("coco");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [splitChoice, setSplitChoice] = useState<SplitChoice>({ enabled: false });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (splitChoice.enabled && splitChoice.problem) return setError(`Split: ${splitChoice.problem}`);
    const form = new FormData(event.currentTarget);
    const input: StartExportInput = {
      format,
      batchId: String(form.get("batchId") ?? "") || null,
      statuses: form.getAll("statuses").map(String) as StartExportInput["statuses"],
      labelClassIds: form.getAll("labelClassIds").map(String),
      includeImages: form.get("includeImages") === "on",
      cocoPolygons: format === "coco" && form.get("cocoPolygons") === "on",
      split: splitChoice.enabled ? splitChoice.split : null,
      maxSide: form.get("maxSide") ? Number(form.get("maxSide")) : null,
      dropNearDuplicates: form.get("dropNearDuplicates") === "on",
      reviewedOnly: form.get("reviewedOnly") === "on",
    };
    setPending(true);
    setError(null);
    const response = await fetch(`/api/projects/${projectId}/exports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    }).catch(() => null);
    setPending(false);
    if (!response) return setError("Network error: the server could not be reached.");
    const body = (await response.json().catch(() => null)) as (ExportSummary & { error?: { message: string } }) | null;
    if (!response.ok || !body) return setError(body?.error?.message ?? `The export could not be started (HTTP ${response.status}).`);
    onStarted(body);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="New export">
      <fieldset>
        <legend className={labelText}>Format</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {EXPORT_FORMATS.map((id) => (
            <label key={id} className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${format === id ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}>
              <input type="radio" name="format" value={id} checked={format === id} onChange={() => setFormat(id)} />
              {EXPORT_FORMAT_LABELS[id]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className={labelText}>Images whose task is</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {TASK_STATUSES.map((status) => (
            <label key={status} className="flex items-center gap-1.5 text-sm text-slate-700">
              <input type="checkbox" name="statuses" value={status} defaultChecked={status === "accepted"} className="rounded border-slate-300" />
              {TASK_STATUS_LABELS[status]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="export-batch" className={labelText}>Scope</label>
        <select id="export-batch" name="batchId" className={inputField} defaultValue="">
          <option value="">Whole project</option>
          {batches.map((batch) => (
            <option key={batch.id} value={batch.id}>Batch: {batch.name}</option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className={labelText}>Label classes <span className="font-normal text-slate-500">(none ticked = all)</span></legend>
        {labelClasses.length === 0 ? (
          <p className="text-sm text-slate-500">This project has no label classes yet.</p>
        ) : (
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {labelClasses.map((label) => (
              <label key={label.id} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input type="checkbox" name="labelClassIds" value={label.id} className="rounded border-slate-300" />
                <span className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: label.color }} aria-hidden />
                {label.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="includeImages" className="rounded border-slate-300" /> Include the image files
        </label>
        {format === "coco" && (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="cocoPolygons" className="rounded border-slate-300" /> Polygons instead of RLE (exact: holes and parts kept)
          </label>
        )}
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="dropNearDuplicates" className="rounded border-slate-300" data-testid="export-drop-near-duplicates" /> One picture per near-duplicate group (the oldest; the checks below list them)
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="reviewedOnly" className="rounded border-slate-300" data-testid="export-reviewed-only" /> Reviewed images only (leave out those accepted without review)
        </label>
      </div>
      <label className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        Resize: longest side at most
        <input name="maxSide" type="number" min={32} max={16384} step={1} placeholder="original" aria-label="Resize to a longest side of (px)" className="w-24 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm" />
        px <span className="text-xs text-slate-500">(masks scaled with the images; empty keeps the original size)</span>
      </label>
      <ExportSplitFields onChange={setSplitChoice} />
      <FormError message={error} />
      <button type="submit" className={buttonPrimary} disabled={pending}>{pending ? "Starting…" : "Start export"}</button>
    </form>
  );
}
