// The project form's review sampling: review every hand-in (the default), or
// a random share of them plus each annotator's first ones; images once sent
// back are always reviewed again. What it means is spelled out under the
// fields, since a smaller share is a trade of checking for speed.
import type { ReviewSampling } from "@/lib/schemas/projects";
import { labelText } from "../ui/button-styles";

export function describeReviewSampling(sampling: ReviewSampling): string {
  if (sampling.percent >= 100) return "Every hand-in waits for a reviewer.";
  const first = sampling.firstHandIns > 0 ? `each annotator's first ${sampling.firstHandIns} hand-in${sampling.firstHandIns === 1 ? "" : "s"} and ` : "";
  const share = sampling.percent === 0 ? "no other hand-in" : `${sampling.percent}% of the others, drawn at random,`;
  return `Reviewers see ${first}every image they sent back before; ${share} ${sampling.percent === 0 ? "goes" : "go"} to review too. The rest are accepted as handed in.`;
}

export function ReviewSamplingFields({ sampling }: { sampling: ReviewSampling }) {
  const numberField = "w-20 rounded-md border border-slate-300 px-2 py-1 text-sm";
  return (
    <fieldset className="space-y-1.5" data-testid="review-sampling">
      <legend className={labelText}>Review</legend>
      <label className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        Review
        <input type="number" name="reviewPercent" min={0} max={100} step={1} defaultValue={sampling.percent} className={numberField} aria-label="Share of hand-ins to review (percent)" />
        % of hand-ins, drawn at random
      </label>
      <label className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        and every annotator&apos;s first
        <input type="number" name="reviewFirstHandIns" min={0} max={10000} step={1} defaultValue={sampling.firstHandIns} className={numberField} aria-label="First hand-ins of each annotator to review" />
        hand-ins
      </label>
      <p className="text-xs text-slate-500">
        {describeReviewSampling(sampling)} Hand-ins not drawn are accepted at once (the Analytics tab counts them apart, and the quality figures
        come from the reviewed ones only). 100% reviews everything.
      </p>
    </fieldset>
  );
}
