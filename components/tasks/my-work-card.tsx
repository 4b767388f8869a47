// "Your work in this project": the person's own tallies, under their queue.
import type { MyWork } from "@/server/tasks/count-my-work";
import { card } from "../ui/button-styles";
import { rate } from "../analytics/format-figure";

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}

/** How review judged the person's first hand-ins, in one sentence. */
function QualityLine({ quality }: { quality: NonNullable<MyWork["quality"]> }) {
  return (
    <p className="text-sm text-slate-600" data-testid="my-quality">
      Review of your first hand-ins ({quality.handIns} accepted image{quality.handIns === 1 ? "" : "s"}): {quality.acceptedAsHandedIn} accepted exactly as you handed them in;
      you had {rate(quality.recall)} of the accepted masks, {rate(quality.precision)} of your masks were kept
      {quality.meanIou !== null ? ` (mean IoU ${quality.meanIou.toFixed(2)} with their accepted version)` : ""}, and {rate(quality.labelAgreement)} of their labels stood.
    </p>
  );
}

export function MyWorkCard({ work }: { work: MyWork }) {
  const drew = work.masks.count > 0;
  const reviewed = work.reviews.accepted + work.reviews.rejected > 0;
  return (
    <section className={`${card} space-y-3 p-5`} aria-labelledby="my-work-heading" data-testid="my-work">
      <h2 id="my-work-heading" className="font-medium">Your work in this project</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <Figure label="Awaiting review" value={String(work.images.awaitingReview)} testId="my-awaiting-review" />
        <Figure label="Accepted" value={String(work.images.accepted)} testId="my-accepted" />
        <Figure label="Masks drawn" value={String(work.masks.count)} testId="my-masks" />
        <Figure label="Median time per mask" value={drew && work.masks.medianSeconds !== null ? `${work.masks.medianSeconds} s` : "—"} testId="my-seconds-per-mask" />
        <Figure label="Clicks per mask" value={drew && work.masks.meanClicks !== null ? String(work.masks.meanClicks) : "—"} testId="my-clicks-per-mask" />
      </dl>
      {work.quality && <QualityLine quality={work.quality} />}
      {reviewed && (
        <p className="text-sm text-slate-600" data-testid="my-reviews">
          You reviewed {work.reviews.accepted + work.reviews.rejected} image{work.reviews.accepted + work.reviews.rejected === 1 ? "" : "s"}: {work.reviews.accepted} accepted, {work.reviews.rejected} sent back.
        </p>
      )}
    </section>
  );
}
