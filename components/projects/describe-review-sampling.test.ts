import { describe, expect, it } from "vitest";
import { describeReviewSampling } from "./describe-review-sampling";

describe("describeReviewSampling", () => {
  it("says what each setting sends to review", () => {
    expect(describeReviewSampling({ percent: 100, firstHandIns: 3, trustAt: 0 })).toBe("Every hand-in waits for a reviewer.");
    expect(describeReviewSampling({ percent: 20, firstHandIns: 10, trustAt: 0 })).toBe(
      "Reviewers see each annotator's first 10 hand-ins and every image they sent back before; 20% of the others, drawn at random, go to review too. The rest are accepted as handed in.",
    );
    expect(describeReviewSampling({ percent: 50, firstHandIns: 0, trustAt: 0 })).toBe(
      "Reviewers see every image they sent back before; 50% of the others, drawn at random, go to review too. The rest are accepted as handed in.",
    );
    expect(describeReviewSampling({ percent: 0, firstHandIns: 1, trustAt: 0 })).toBe(
      "Reviewers see each annotator's first hand-in and every image they sent back before; no other hand-in goes to review too. The rest are accepted as handed in.",
    );
    expect(describeReviewSampling({ percent: 10, firstHandIns: 0, trustAt: 90 })).toBe(
      "Reviewers see every image they sent back before; 10% of the others, drawn at random, go to review too. Everything from an annotator is reviewed until at least 90% of their last 20 reviewed hand-ins were accepted as handed in. The rest are accepted as handed in.",
    );
  });
});
