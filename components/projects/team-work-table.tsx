// The Members tab's work table (managers): per member, the images awaiting
// review and accepted, masks drawn with their median seconds and mean clicks,
// and the reviews decided.
import type { TeamWorkRow } from "@/server/tasks/list-team-work";

const dash = (value: number | null, unit = "") => (value === null ? "—" : `${value}${unit}`);

export function TeamWorkTable({ rows }: { rows: TeamWorkRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="team-work">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2 font-medium">Member</th>
            <th className="py-2 text-right font-medium">Awaiting review</th>
            <th className="py-2 text-right font-medium">Accepted</th>
            <th className="py-2 text-right font-medium">Masks drawn</th>
            <th className="py-2 text-right font-medium">Median s / mask</th>
            <th className="py-2 text-right font-medium">Clicks / mask</th>
            <th className="py-2 text-right font-medium">Reviews (accepted / sent back)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((row) => (
            <tr key={row.userId} data-testid="team-work-row" data-user={row.name}>
              <td className="py-2">{row.name} <span className="text-xs text-slate-500">{row.role}</span></td>
              <td className="py-2 text-right">{row.images.awaitingReview}</td>
              <td className="py-2 text-right">{row.images.accepted}</td>
              <td className="py-2 text-right">{row.masks.count}</td>
              <td className="py-2 text-right">{dash(row.masks.medianSeconds, " s")}</td>
              <td className="py-2 text-right">{dash(row.masks.meanClicks)}</td>
              <td className="py-2 text-right">{row.reviews.accepted} / {row.reviews.rejected}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
