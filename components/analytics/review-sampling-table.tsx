// Review sampling per annotator, for a project that does not review every
// hand-in: how many were accepted without review, and (with a trust level)
// whether the annotator's latest reviewed work earns sampling or is reviewed
// in full — the rule their next hand-in will meet.
import type { ReviewSamplingStats } from "@/lib/schemas/analytics";
import { describeReviewSampling } from "../projects/describe-review-sampling";
import { SpotCheckControl } from "../reviews/spot-check-control";
import { figure, percent } from "./format-figure";

export function ReviewSamplingTable({ projectId, stats }: { projectId: string; stats: ReviewSamplingStats }) {
  const withTrust = stats.sampling.trustAt > 0;
  return (
    <div className="mt-4 space-y-2" data-testid="review-sampling-stats">
      <p className="text-xs text-slate-500">Review sampling: {describeReviewSampling(stats.sampling)}</p>
      {stats.annotators.length === 0 ? (
        <p className="text-sm text-slate-500">No hand-ins yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 font-medium">Annotator</th>
              <th className="py-2 text-right font-medium">Accepted without review</th>
              <th className="py-2 text-right font-medium" title={`Over the latest ${stats.window} reviewed hand-ins`}>Latest reviewed, accepted as is</th>
              {withTrust && <th className="py-2 text-right font-medium">Next hand-in</th>}
              <th className="py-2 text-right font-medium" title="Send some of their images accepted without review to review, drawn at random">Spot check</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {stats.annotators.map((row) => (
              <tr key={row.userId} data-testid="review-sampling-row" data-annotator={row.name}>
                <td className="py-2">{row.name}</td>
                <td className="py-2 text-right">{figure(row.acceptedWithoutReview)}</td>
                <td className="py-2 text-right">
                  {row.recentReviewed === 0 ? "—" : `${percent(row.recentAsHandedIn, row.recentReviewed)} of ${figure(row.recentReviewed)}`}
                </td>
                {withTrust && (
                  <td className={`py-2 text-right ${row.trusted ? "text-emerald-700" : "text-amber-700"}`} data-testid="review-sampling-trust">
                    {row.trusted ? "sampled" : "reviewed in full"}
                  </td>
                )}
                <td className="py-2 text-right">
                  <SpotCheckControl projectId={projectId} annotator={{ id: row.userId, name: row.name }} waiting={row.acceptedWithoutReview} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
