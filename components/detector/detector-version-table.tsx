"use client";
// The project's detector versions with their held-out evaluation, so a
// manager can judge a version before activating it: box recall at IoU 0.5
// among the top-20 / top-100 boxes and AP at IoU 0.5, on accepted images the
// version never trained on, with the difference to the active version.
import type { DetectorVersionSummary } from "@/lib/schemas/detector";
import { buttonSecondary } from "@/components/ui/button-styles";

const STATUS_STYLE: Record<DetectorVersionSummary["status"], string> = {
  training: "bg-amber-100 text-amber-800",
  trained: "bg-sky-100 text-sky-800",
  active: "bg-emerald-100 text-emerald-800",
  retired: "bg-slate-100 text-slate-600",
  failed: "bg-red-100 text-red-800",
};

type MetricKey = "recallAt20" | "recallAt100" | "ap50";
const METRICS: { key: MetricKey; label: string; title: string }[] = [
  { key: "recallAt20", label: "Recall top-20", title: "Share of held-out objects found by one of the 20 best boxes (IoU ≥ 0.5)" },
  { key: "recallAt100", label: "Recall top-100", title: "Share of held-out objects found by one of the 100 best boxes (IoU ≥ 0.5)" },
  { key: "ap50", label: "AP50", title: "Average precision of the boxes at IoU 0.5 on the held-out images" },
];

function percent(value: number | null): string {
  return value === null ? "–" : `${Math.round(value * 100)}%`;
}

/** Percentage points against the active version; nothing when either side has no figure. */
function Delta({ value, reference }: { value: number | null; reference: number | null }) {
  if (value === null || reference === null) return null;
  const points = Math.round((value - reference) * 100);
  if (points === 0) return <span className="ml-1 text-xs text-slate-400">±0</span>;
  return <span className={`ml-1 text-xs ${points > 0 ? "text-emerald-700" : "text-red-700"}`}>{points > 0 ? `+${points}` : `−${-points}`}</span>;
}

function TrainingProgress({ version }: { version: DetectorVersionSummary }) {
  const { metrics } = version;
  const percentDone = Math.round(metrics.progress * 100);
  return (
    <div className="mt-1.5 space-y-1" data-testid="training-progress">
      <div className="h-1.5 w-36 overflow-hidden rounded bg-slate-200" role="progressbar" aria-label={`Version ${version.version} training`} aria-valuenow={percentDone} aria-valuemin={0} aria-valuemax={100}>
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percentDone}%` }} />
      </div>
      <div className="text-xs text-slate-500">
        {metrics.epochs > 0 ? `epoch ${metrics.epoch}/${metrics.epochs}` : "waiting for the worker"}
        {metrics.loss !== null && ` · loss ${metrics.loss.toFixed(3)}`}
      </div>
    </div>
  );
}

function VersionRow(props: { version: DetectorVersionSummary; active: DetectorVersionSummary | undefined; canManage: boolean; busy: boolean; onActivate: () => void }) {
  const { version, active } = props;
  const { metrics } = version;
  const compare = active && active.id !== version.id && (version.status === "trained" || version.status === "retired");
  return (
    <tr className="border-t border-slate-100 align-top" data-testid={`detector-version-${version.version}`}>
      <td className="py-2.5 pr-3 font-medium">v{version.version}</td>
      <td className="py-2.5 pr-3">
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[version.status]}`}>{version.status}</span>
        {version.status === "training" && <TrainingProgress version={version} />}
        {version.error && <div className="mt-1 max-w-xs text-xs text-red-700">{version.error}</div>}
      </td>
      <td className="py-2.5 pr-3 text-slate-600">
        {version.status === "training" && version.trainingImages === 0 ? "–" : `${version.trainingImages} / ${version.heldOutImages}`}
        {metrics.heldOutBoxes > 0 && <div className="text-xs text-slate-400">{metrics.heldOutBoxes} held-out objects</div>}
      </td>
      {METRICS.map((metric) => (
        <td key={metric.key} className="py-2.5 pr-3 tabular-nums" data-testid={`metric-${metric.key}`}>
          {percent(metrics[metric.key])}
          {compare && <Delta value={metrics[metric.key]} reference={active.metrics[metric.key]} />}
        </td>
      ))}
      <td className="py-2.5 pr-3 text-xs text-slate-500">
        {new Date(version.createdAt).toLocaleString()}
        {metrics.trainSeconds !== null && <div>trained in {Math.round(metrics.trainSeconds)} s</div>}
        {metrics.epochsRequested > metrics.epoch && metrics.trainSeconds !== null && (
          <div data-testid="epochs-shortened" title="The run planned fewer epochs to fit Max. training seconds (under More settings).">
            {metrics.epoch} of {metrics.epochsRequested} epochs (time limit)
          </div>
        )}
      </td>
      <td className="py-2.5 text-right">
        {props.canManage && (version.status === "trained" || version.status === "retired") && (
          <button type="button" className={buttonSecondary} disabled={props.busy} onClick={props.onActivate}>
            Activate
          </button>
        )}
      </td>
    </tr>
  );
}

export function DetectorVersionTable(props: { versions: DetectorVersionSummary[]; activeVersionId: string | null; canManage: boolean; busy: boolean; onActivate: (version: DetectorVersionSummary) => void }) {
  const active = props.versions.find((version) => version.id === props.activeVersionId);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="pb-1.5 pr-3 font-medium">Version</th>
            <th className="pb-1.5 pr-3 font-medium">Status</th>
            <th className="pb-1.5 pr-3 font-medium" title="Accepted images trained on / held out for the evaluation">
              Train / held-out
            </th>
            {METRICS.map((metric) => (
              <th key={metric.key} className="pb-1.5 pr-3 font-medium" title={metric.title}>
                {metric.label}
              </th>
            ))}
            <th className="pb-1.5 pr-3 font-medium">Created</th>
            <th className="pb-1.5" />
          </tr>
        </thead>
        <tbody>
          {props.versions.map((version) => (
            <VersionRow key={version.id} version={version} active={active} canManage={props.canManage} busy={props.busy} onActivate={() => props.onActivate(version)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
