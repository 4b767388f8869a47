"use client";
// Manager panel of the semi-automatic stage (the project page's "Pre-fill"
// tab): train a detector on the project's accepted masks, watch training
// progress live, compare versions by their held-out evaluation, activate
// one, queue pre-fill, tune the pre-fill settings, and see what annotators
// did with pre-filled masks. The page shows it to managers and admins only;
// the buttons also follow the overview's canManage (the routes enforce it).
import { useState } from "react";
import type { DetectorVersionSummary, PrefillOutcomes, PrefillOverview } from "@/lib/schemas/detector";
import { buttonPrimary, buttonSecondary, card } from "@/components/ui/button-styles";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { DetectorVersionTable } from "./detector-version-table";
import { PrefillSettingsForm } from "./prefill-settings-form";
import { useDetectorOverview } from "./use-detector-overview";

function OutcomeSummary({ totals }: { totals: PrefillOutcomes["project"] }) {
  const cells = [
    ["Pre-filled", totals.prefilled],
    ["Kept", totals.kept],
    ["Not yet decided", totals.pending],
    ["Corrected", totals.corrected],
    ["Deleted", totals.deleted],
    ["Added by hand", totals.manualAdded],
  ] as const;
  return (
    <div data-testid="prefill-outcomes">
      <h3 className="mb-2 text-sm font-medium text-slate-700">What annotators did with pre-fill ({totals.images} images)</h3>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-6">
        {cells.map(([label, value]) => (
          <div key={label} className="rounded-md border border-slate-200 px-3 py-2">
            <div className="text-xs text-slate-500">{label}</div>
            <div className="text-lg font-semibold tabular-nums">{value}</div>
          </div>
        ))}
      </div>
      {totals.secondsPerManualMask !== null && <p className="mt-2 text-xs text-slate-500">{totals.secondsPerManualMask.toFixed(1)} s per mask drawn by hand.</p>}
    </div>
  );
}

/** The pre-fill jobs still queued, so "Pre-fill images" is visibly at work, and images whose pre-fill failed. */
function PrefillQueueLine({ queue }: { queue: PrefillOverview["queue"] }) {
  const { waiting, running, failed, lastError } = queue;
  const images = (n: number) => `${n} image${n === 1 ? "" : "s"}`;
  const parts = [running > 0 ? `${images(running)} being pre-filled now` : null, waiting > 0 ? `${images(waiting)} waiting` : null].filter(Boolean);
  return (
    <>
      {parts.length > 0 && (
        <p className="flex items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" aria-live="polite" data-testid="prefill-queue" data-waiting={waiting} data-running={running}>
          <span className="h-2 w-2 animate-pulse rounded-full bg-sky-500" aria-hidden="true" />
          Pre-fill: {parts.join(", ")}.
        </p>
      )}
      {failed > 0 && (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="prefill-failed" data-failed={failed}>
          Pre-fill failed on {images(failed)} after its retries{lastError ? `: ${lastError}` : ""}. “Pre-fill images” tries {failed === 1 ? "it" : "them"} again.
        </p>
      )}
    </>
  );
}

function activeLine(active: DetectorVersionSummary | undefined, source: string): string {
  if (source === "grid") return "Pre-fill uses SAM's automatic point grid (the proposal source is set to the grid).";
  // A user-supplied ONNX box detector replaces the trained one while it is selected.
  if (source.startsWith("onnx:")) return `The ONNX detector models/detectors/${source.slice("onnx:".length)}.onnx proposes the boxes; trained versions are not used while it is selected.`;
  if (active) return `Version ${active.version} is active: its boxes become SAM masks on images nobody has started.`;
  return source === "detector" ? "No active detector: pre-fill is paused until a version is activated." : "No active detector yet: pre-fill uses SAM's automatic point grid.";
}

export function DetectorPanel({ projectId }: { projectId: string }) {
  const { overview, outcomes, error, train, activate, prefillAll, saveSettings } = useDetectorOverview(projectId);
  // A "training started" note only while that training runs; the table then shows the outcome.
  const [message, setMessage] = useState<{ text: string; whileTraining: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const training = overview?.versions.some((version) => version.status === "training") ?? false;
  const shownMessage = message && (!message.whileTraining || training) ? message.text : null;
  if (!overview) return <p className={`${card} p-5 text-sm text-slate-500`}>{error ?? "Loading detector…"}</p>;
  const active = overview.versions.find((version) => version.id === overview.activeVersionId);
  const { prefill } = overview.settings;

  async function run<T>(action: () => Promise<T | null>, success: (result: T) => string, whileTraining = false) {
    setBusy(true);
    setMessage(null);
    const result = await action();
    setBusy(false);
    if (result !== null) setMessage({ text: success(result), whileTraining });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section className={`${card} h-fit space-y-5 p-5`} aria-label="Detector">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="max-w-xl">
            <h2 className="font-medium">Pre-fill detector</h2>
            <p className="mt-1 text-sm text-slate-600">{activeLine(active, prefill.source)}</p>
            <p className="mt-1 text-xs text-slate-500">
              Trained on the accepted masks: their boxes, and the cells they cover (every class counts as an object). Each detector box is segmented{prefill.refitBox ? ", then segmented again with its mask's own box" : ""}; the mask needs detector score × predicted IoU × stability ≥ {prefill.minBoxConfidence} (and predicted IoU ≥ {prefill.boxMinPredictedIou}, stability ≥ {prefill.boxMinStability}); from the point grid, predicted IoU ≥ {prefill.minPredictedIou} and stability ≥ {prefill.minStability}.
            </p>
          </div>
          {overview.canManage && (
            <div className="flex gap-2">
              <button type="button" className={buttonPrimary} disabled={training || busy} onClick={() => void run(train, (version) => `Training version ${version.version} started.`, true)}>
                {training ? "Training…" : "Train new version"}
              </button>
              <button
                type="button"
                className={buttonSecondary}
                disabled={busy}
                onClick={() => void run(prefillAll, ({ queued }) => (queued === 0 ? "Every image has been started already: nothing to pre-fill." : `Pre-fill queued for ${queued} image${queued === 1 ? "" : "s"} nobody has started.`))}
              >
                Pre-fill images
              </button>
            </div>
          )}
        </div>
        <FormError message={error} />
        <FormSuccess message={shownMessage} />
        {outcomes && <PrefillQueueLine queue={outcomes.queue} />}
        {overview.versions.length === 0 ? (
          <div className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
            No detector trained yet. Accept a few annotated images (at least 4 with masks), then train the first version.
          </div>
        ) : (
          <div className="space-y-2">
            <DetectorVersionTable
              versions={overview.versions}
              activeVersionId={overview.activeVersionId}
              canManage={overview.canManage}
              busy={busy}
              onActivate={(version) =>
                void run(
                  () => activate(version),
                  (result) => `Version ${result.version} is active.${result.prefillQueued > 0 ? ` Pre-fill queued for ${result.prefillQueued} image${result.prefillQueued === 1 ? "" : "s"}.` : ""}`,
                )
              }
            />
            <p className="text-xs text-slate-500">
              Evaluated on held-out accepted images the version never trained on: recall at IoU 0.5 within the top 20 / top 100 boxes, and AP50. The small figures compare with the active version.
            </p>
          </div>
        )}
        {outcomes && outcomes.project.images > 0 && <OutcomeSummary totals={outcomes.project} />}
      </section>
      {overview.canManage && (
        <aside className={`${card} h-fit p-5`} aria-label="Pre-fill settings">
          <h2 className="mb-3 font-medium">Pre-fill settings</h2>
          <PrefillSettingsForm settings={overview.settings} onSave={saveSettings} />
        </aside>
      )}
    </div>
  );
}
