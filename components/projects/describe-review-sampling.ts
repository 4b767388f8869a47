// Review sampling in words, for the project form (as the values are typed)
// and the Analytics tab. Plain module: server and client components both call it.
import { REVIEW_TRUST_WINDOW, type ReviewSampling } from "@/lib/schemas/projects";

export function describeReviewSampling(sampling: ReviewSampling): string {
  if (sampling.percent >= 100) return "Every hand-in waits for a reviewer.";
  const n = sampling.firstHandIns;
  const first = n === 0 ? "" : n === 1 ? "each annotator's first hand-in and " : `each annotator's first ${n} hand-ins and `;
  const share = sampling.percent === 0 ? "no other hand-in" : `${sampling.percent}% of the others, drawn at random,`;
  const trust =
    sampling.trustAt > 0
      ? ` Everything from an annotator is reviewed until at least ${sampling.trustAt}% of their last ${REVIEW_TRUST_WINDOW} reviewed hand-ins were accepted as handed in.`
      : "";
  return `Reviewers see ${first}every image they sent back before; ${share} ${sampling.percent === 0 ? "goes" : "go"} to review too.${trust} The rest are accepted as handed in.`;
}
