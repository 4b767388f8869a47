// Live masks per label class, most used first: spots a class nobody uses, or
// one that swallows everything. A COCO-sized project has 80 classes, so the
// first dozen show and the rest open on demand.
import type { LabelStats } from "@/lib/schemas/analytics";
import { figure, percent } from "./format-figure";

const SHOWN = 12;

function Rows({ labels, total }: { labels: LabelStats[]; total: number }) {
  return (
    <tbody className="divide-y divide-slate-100 tabular-nums">
      {labels.map((label) => (
        <tr key={label.labelClassId ?? "none"} data-testid="label-stats-row" data-label={label.name}>
          <td className="py-2">
            <span className="mr-2 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: label.color ?? "#94a3b8" }} aria-hidden />
            {label.labelClassId === null ? <span className="italic text-slate-600" title="Class-agnostic pre-fills, imports without a class, masks nobody labelled">No label</span> : label.name}
          </td>
          <td className="py-2 text-right">{figure(label.masks)}</td>
          <td className="py-2 text-right">{percent(label.masks, total)}</td>
          <td className="py-2 text-right">{figure(label.images)}</td>
          <td className="py-2 text-right">{figure(label.medianArea, " px")}</td>
        </tr>
      ))}
    </tbody>
  );
}

export function LabelStatsTable({ labels }: { labels: LabelStats[] }) {
  if (labels.length === 0) return <p className="text-sm text-slate-500">No label classes yet.</p>;
  const total = labels.reduce((sum, label) => sum + label.masks, 0);
  // Stable sort: equal counts keep the editor's order.
  const sorted = [...labels].sort((a, b) => b.masks - a.masks);
  const unused = labels.filter((label) => label.masks === 0).length;
  const head = (
    <thead className="text-xs uppercase tracking-wide text-slate-500">
      <tr>
        <th className="py-2 font-medium">Label class</th>
        <th className="py-2 text-right font-medium">Masks</th>
        <th className="py-2 text-right font-medium">Share</th>
        <th className="py-2 text-right font-medium">Images</th>
        <th className="py-2 text-right font-medium">Median area</th>
      </tr>
    </thead>
  );
  return (
    <div className="space-y-2">
      <table className="w-full text-left text-sm" data-testid="label-stats">
        {head}
        <Rows labels={sorted.slice(0, SHOWN)} total={total} />
      </table>
      {sorted.length > SHOWN && (
        <details>
          <summary className="cursor-pointer text-sm text-brand-700" data-testid="label-stats-more">Show {sorted.length - SHOWN} more</summary>
          <table className="w-full text-left text-sm">
            <Rows labels={sorted.slice(SHOWN)} total={total} />
          </table>
        </details>
      )}
      {unused > 0 && <p className="text-xs text-slate-500" data-testid="label-stats-unused">{unused} of {labels.length} classes have no masks yet.</p>}
    </div>
  );
}
