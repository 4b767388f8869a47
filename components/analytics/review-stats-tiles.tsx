// The review stage in four figures: how much is accepted, how much of it
// right the first time, how often work is sent back, and how long it waits.
import type { ReviewStats } from "@/lib/schemas/analytics";
import { duration, figure, percent } from "./format-figure";

export function ReviewStatsTiles({ review }: { review: ReviewStats }) {
  const reviewed = review.accepted - review.acceptedWithoutReview;
  const unreviewed = review.acceptedWithoutReview > 0 ? ` · ${figure(review.acceptedWithoutReview)} without review (sampling)` : "";
  const tiles = [
    { id: "accepted", label: "Images accepted", value: figure(review.accepted), note: `${figure(review.awaitingReview)} awaiting review${unreviewed}` },
    { id: "first-pass", label: "Accepted at first review", value: percent(review.acceptedFirstPass, reviewed), note: `${figure(review.acceptedFirstPass)} of ${figure(reviewed)} reviewed` },
    { id: "rejections", label: "Sent back", value: figure(review.rejections), note: "decisions, however many comments" },
    { id: "wait", label: "Median wait to acceptance", value: duration(review.medianHoursToAccept), note: "from the last hand-in" },
  ];
  return (
    <div className="grid gap-3 sm:grid-cols-4" data-testid="review-stats">
      {tiles.map((tile) => (
        <div key={tile.id} className="rounded-lg border border-slate-200 bg-white px-3 py-2" data-testid={`review-${tile.id}`}>
          <div className="text-xs text-slate-500">{tile.label}</div>
          <div className="text-lg font-semibold tabular-nums" data-testid={`review-${tile.id}-value`}>{tile.value}</div>
          <div className="text-[11px] text-slate-400">{tile.note}</div>
        </div>
      ))}
    </div>
  );
}
