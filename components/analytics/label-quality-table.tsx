// Per label class, over first hand-ins: the accepted masks of the class the
// annotators had found, and masks they drew with it that review removed.
// Sorted by what is found least, so the class the guidelines should explain
// better comes first.
import type { LabelClassQuality } from "@/lib/schemas/hand-in-quality";
import { figure } from "./format-figure";

const SHOWN = 8;

export function LabelQualityTable({ labels }: { labels: LabelClassQuality[] }) {
  if (labels.length === 0) return null;
  const sorted = [...labels].sort((a, b) => (a.recall ?? 2) - (b.recall ?? 2) || b.accepted - a.accepted).slice(0, SHOWN);
  return (
    <table className="w-full text-left text-sm" data-testid="label-quality">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 font-medium">Label class</th>
          <th className="py-2 text-right font-medium">Accepted</th>
          <th className="py-2 text-right font-medium">Found at hand-in</th>
          <th className="py-2 text-right font-medium" title="Drawn with this label and removed in review">Removed</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {sorted.map((label) => (
          <tr key={`${label.labelClassId ?? "none"}-${label.name}`} data-testid="label-quality-row" data-label={label.name}>
            <td className="py-2">
              <span className="mr-2 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: label.color ?? "#94a3b8" }} aria-hidden />
              {label.labelClassId === null ? <span className="italic text-slate-600">{label.name}</span> : label.name}
            </td>
            <td className="py-2 text-right">{figure(label.accepted)}</td>
            <td className="py-2 text-right">{label.recall === null ? "—" : `${figure(label.found)} (${Math.round(label.recall * 100)}%)`}</td>
            <td className="py-2 text-right">{figure(label.extra)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
