// Each annotator's first hand-ins against what was accepted: how much of the
// accepted work they had found (recall), how much of what they drew was kept
// (precision), how close the kept masks were (IoU) and whether the labels
// stood. The figures come from review, so no image is labelled twice for them.
import type { AnnotatorQuality } from "@/lib/schemas/hand-in-quality";
import { figure, percent, rate } from "./format-figure";

export function AnnotatorQualityTable({ annotators }: { annotators: AnnotatorQuality[] }) {
  if (annotators.length === 0) return <p className="text-sm text-slate-500" data-testid="annotator-quality-empty">No accepted hand-ins yet: the figures appear once reviewers accept images.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="annotator-quality">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 font-medium">Annotator</th>
          <th className="py-2 text-right font-medium">Images</th>
          <th className="py-2 text-right font-medium" title="Accepted with nothing missed, removed, reshaped or relabelled">Accepted as is</th>
          <th className="py-2 text-right font-medium" title="Accepted masks the hand-in already had (IoU ≥ 0.5)">Found</th>
          <th className="py-2 text-right font-medium" title="Handed-in masks that are in the accepted image (IoU ≥ 0.5)">Kept</th>
          <th className="py-2 text-right font-medium" title="Mean IoU of a kept mask with its accepted version">Mean IoU</th>
          <th className="py-2 text-right font-medium" title="Kept masks whose label stood">Labels right</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {annotators.map((row) => (
          <tr key={row.userId ?? "unknown"} data-testid="annotator-quality-row" data-annotator={row.name}>
            <td className="py-2">{row.name}</td>
            <td className="py-2 text-right">{figure(row.handIns)}</td>
            <td className="py-2 text-right">{percent(row.acceptedAsHandedIn, row.handIns)}</td>
            <td className="py-2 text-right">{rate(row.recall)}</td>
            <td className="py-2 text-right">{rate(row.precision)}</td>
            <td className="py-2 text-right">{row.meanIou === null ? "—" : row.meanIou.toFixed(2)}</td>
            <td className="py-2 text-right">{rate(row.labelAgreement)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
