// Live masks per label class, in the editor's order: spots a class nobody
// uses, or one that swallows everything.
import type { LabelStats } from "@/lib/schemas/analytics";
import { figure, percent } from "./format-figure";

export function LabelStatsTable({ labels }: { labels: LabelStats[] }) {
  const total = labels.reduce((sum, label) => sum + label.masks, 0);
  if (labels.length === 0) return <p className="text-sm text-slate-500">No label classes yet.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="label-stats">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 font-medium">Label class</th>
          <th className="py-2 text-right font-medium">Masks</th>
          <th className="py-2 text-right font-medium">Share</th>
          <th className="py-2 text-right font-medium">Images</th>
          <th className="py-2 text-right font-medium">Median area</th>
        </tr>
      </thead>
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
    </table>
  );
}
