"use client";
// Manager panel of the semi-automatic stage: train a detector on the
// project's accepted masks, watch training progress, compare versions by
// their held-out metrics, activate one, queue pre-fill, and see what
// annotators did with pre-filled masks. Members without the manager role
// see the versions read-only. Drop <DetectorPanel projectId=... /> into the
// project page (a "Detector" tab).
import { useState } from "react";
import type { DetectorVersionSummary } from "@/lib/schemas/detector";
import { buttonPrimary, buttonSecondary, card } from "@/components/ui/button-styles";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { useDetectorOverview } from "./use-detector-overview";

const STATUS_STYLE: Record<DetectorVersionSummary["status"], string> = {
  training: "bg-amber-100 text-amber-800",
  trained: "bg-sky-100 text-sky-800",
  active: "bg-emerald-100 text-emerald-800",
  retired: "bg-slate-100 text-slate-600",
  failed: "bg-red-100 text-red-800",
};

function percent(value: number | null): string {
  return value === null ? "–" : `${Math.round(value * 100)}%`;
}

function VersionRow({ version, canManage, onActivate }: { version: DetectorVersionSummary; canManage: boolean; onActivate: () => void }) {
  const { metrics } = version;
  return (
    <tr className="border-t border-slate-100" data-testid={`detector-version-${version.version}`}>
      <td className="py-2 pr-3 font-medium">v{version.version}</td>
      <td className="py-2 pr-3">
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[version.status]}`}>{version.status}</span>
        {version.status === "training" && (
          <div className="mt-1 h-1.5 w-32 overflow-hidden rounded bg-slate-200" role="progressbar" aria-valuenow={Math.round(metrics.progress * 100)} aria-valuemin={0} aria-valuemax={100}>
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${Math.round(metrics.progress * 100)}%` }} />
          </div>
        )}
        {version.status === "training" && metrics.epochs > 0 && (
          <div className="text-xs text-slate-500">
            epoch {metrics.epoch}/{metrics.epochs}
            {metrics.loss !== null && ` · loss ${metrics.loss.toFixed(3)}`}
          </div>
        )}
        {version.error && <div className="text-xs text-red-700">{version.error}</div>}
      </td>
      <td className="py-2 pr-3 text-sm text-slate-600">
        {version.trainingImages} / {version.heldOutImages}
      </td>
      <td className="py-2 pr-3 text-sm">{percent(metrics.recallAt20)}</td>
      <td className="py-2 pr-3 text-sm">{percent(metrics.recallAt100)}</td>
      <td className="py-2 pr-3 text-sm">{percent(metrics.ap50)}</td>
      <td className="py-2 pr-3 text-xs text-slate-500">{new Date(version.createdAt).toLocaleString()}</td>
      <td className="py-2 text-right">
        {canManage && (version.status === "trained" || version.status === "retired") && (
          <button type="button" className={buttonSecondary} onClick={onActivate}>
            Activate
          </button>
        )}
      </td>
    </tr>
  );
}

export function DetectorPanel({ projectId }: { projectId: string }) {
  const { overview, outcomes, error, train, activate, prefillAll } = useDetectorOverview(projectId);
  const [message, setMessage] = useState<string | null>(null);
  if (!overview) return <p className="text-sm text-slate-500">{error ?? "Loading detector…"}</p>;
  const training = overview.versions.some((version) => version.status === "training");
  const active = overview.versions.find((version) => version.id === overview.activeVersionId);
  const totals = outcomes?.project;

  return (
    <section className={`${card} space-y-4 p-5`} aria-label="Detector">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="font-medium">Pre-fill detector</h2>
          <p className="text-sm text-slate-600">
            {active
              ? `Version ${active.version} pre-fills new images (boxes → SAM masks).`
              : "No active detector: pre-fill uses SAM's automatic point grid."}{" "}
            Kept masks need predicted IoU ≥ {overview.settings.prefill.minPredictedIou} and stability ≥ {overview.settings.prefill.minStability}.
          </p>
        </div>
        {overview.canManage && (
          <div className="flex gap-2">
            <button type="button" className={buttonPrimary} disabled={training} onClick={() => void train().then((ok) => ok && setMessage("Training started."))}>
              {training ? "Training…" : "Train new version"}
            </button>
            <button
              type="button"
              className={buttonSecondary}
              onClick={() => void prefillAll().then((ok) => ok && setMessage("Pre-fill queued for images nobody has started."))}
            >
              Pre-fill images
            </button>
          </div>
        )}
      </div>
      <FormError message={error} />
      <FormSuccess message={message} />
      {overview.versions.length === 0 ? (
        <p className="text-sm text-slate-500">No detector trained yet. Training uses the boxes of accepted masks (every class counts as an object).</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="pb-1 pr-3">Version</th>
              <th className="pb-1 pr-3">Status</th>
              <th className="pb-1 pr-3">Train / held-out images</th>
              <th className="pb-1 pr-3">Recall@20</th>
              <th className="pb-1 pr-3">Recall@100</th>
              <th className="pb-1 pr-3">AP50</th>
              <th className="pb-1 pr-3">Created</th>
              <th className="pb-1" />
            </tr>
          </thead>
          <tbody>
            {overview.versions.map((version) => (
              <VersionRow
                key={version.id}
                version={version}
                canManage={overview.canManage}
                onActivate={() => void activate(version).then((ok) => ok && setMessage(`Version ${version.version} is active.`))}
              />
            ))}
          </tbody>
        </table>
      )}
      {totals && totals.images > 0 && (
        <p className="text-sm text-slate-600" data-testid="prefill-outcomes">
          Pre-filled {totals.prefilled} masks on {totals.images} images: {totals.kept} kept, {totals.corrected} corrected, {totals.deleted} deleted;{" "}
          {totals.manualAdded} added by hand
          {totals.secondsPerManualMask !== null && ` (${totals.secondsPerManualMask.toFixed(1)} s each)`}.
        </p>
      )}
    </section>
  );
}
