"use client";
// The project form's review sampling: review every hand-in (the default), or
// a random share of them plus each annotator's first ones, and everything from
// an annotator review has not come to trust yet; images once sent back are
// always reviewed again. What the typed values mean is spelled out
// under the fields as they change, since a smaller share trades checking for speed.
import { useState } from "react";
import { REVIEW_TRUST_WINDOW, type ReviewSampling } from "@/lib/schemas/projects";
import { describeReviewSampling } from "./describe-review-sampling";
import { labelText } from "../ui/button-styles";

/** The typed values, while they are valid; null otherwise (the browser's range check names the problem). */
function typedSampling(percent: string, firstHandIns: string, trustAt: string): ReviewSampling | null {
  const p = Number(percent);
  const f = Number(firstHandIns || "0");
  const t = Number(trustAt || "0");
  const whole = (value: number, max: number) => Number.isInteger(value) && value >= 0 && value <= max;
  if (percent === "" || !whole(p, 100) || !whole(f, 10_000) || !whole(t, 100)) return null;
  return { percent: p, firstHandIns: f, trustAt: t };
}

export function ReviewSamplingFields({ sampling }: { sampling: ReviewSampling }) {
  const numberField = "w-20 rounded-md border border-slate-300 px-2 py-1 text-sm";
  const [percent, setPercent] = useState(String(sampling.percent));
  const [firstHandIns, setFirstHandIns] = useState(String(sampling.firstHandIns));
  const [trustAt, setTrustAt] = useState(String(sampling.trustAt));
  const typed = typedSampling(percent, firstHandIns, trustAt);
  return (
    <fieldset className="space-y-1.5" data-testid="review-sampling">
      <legend className={labelText}>Review</legend>
      <label className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        Review
        <input type="number" name="reviewPercent" min={0} max={100} step={1} value={percent} onChange={(event) => setPercent(event.target.value)} className={numberField} aria-label="Share of hand-ins to review (percent)" />
        % of hand-ins, drawn at random
      </label>
      <label className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        and every annotator&apos;s first
        <input type="number" name="reviewFirstHandIns" min={0} max={10000} step={1} value={firstHandIns} onChange={(event) => setFirstHandIns(event.target.value)} className={numberField} aria-label="First hand-ins of each annotator to review" />
        hand-ins
      </label>
      <label className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        and everything from an annotator until
        <input type="number" name="reviewTrustAt" min={0} max={100} step={1} value={trustAt} onChange={(event) => setTrustAt(event.target.value)} className={numberField} aria-label="Share accepted as handed in that earns trust (percent)" />
        % of their last {REVIEW_TRUST_WINDOW} reviewed hand-ins were accepted as handed in (0: off)
      </label>
      <p className="text-xs text-slate-500" data-testid="review-sampling-summary">
        {typed ? describeReviewSampling(typed) : "Enter whole percentages from 0 to 100 and a whole number of first hand-ins."} Hand-ins not drawn are accepted at once (the Analytics tab counts them apart, and the quality figures
        come from the reviewed ones only). 100% reviews everything.
      </p>
    </fieldset>
  );
}
