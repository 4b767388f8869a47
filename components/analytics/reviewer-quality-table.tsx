// Per reviewer, over the images they accepted: how many they sent back first
// and how many they corrected before accepting. A reviewer who does neither
// may not be looking, which would make every annotator's figures look perfect.
import type { ReviewerQuality } from "@/lib/schemas/hand-in-quality";
import { figure, percent } from "./format-figure";

export function ReviewerQualityTable({ reviewers }: { reviewers: ReviewerQuality[] }) {
  if (reviewers.length === 0) return null;
  return (
    <table className="w-full text-left text-sm" data-testid="reviewer-quality">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 font-medium">Reviewer</th>
          <th className="py-2 text-right font-medium">Accepted</th>
          <th className="py-2 text-right font-medium" title="Sent back to the annotator at least once before accepting">Sent back first</th>
          <th className="py-2 text-right font-medium" title="Corrected the last hand-in themselves before accepting it">Corrected before accepting</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        {reviewers.map((row) => (
          <tr key={row.userId ?? "unknown"} data-testid="reviewer-quality-row" data-reviewer={row.name}>
            <td className="py-2">{row.name}</td>
            <td className="py-2 text-right">{figure(row.accepted)}</td>
            <td className="py-2 text-right">{percent(row.sentBackFirst, row.accepted)}</td>
            <td className="py-2 text-right">{percent(row.changedBeforeAccepting, row.accepted)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
