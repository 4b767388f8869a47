import { describe, expect, it } from "vitest";
import { reviewMaskSummary } from "./review-mask-summary";

describe("reviewMaskSummary", () => {
  it("counts masks, unedited pre-fills and unlabelled masks", () => {
    expect(reviewMaskSummary([])).toBe("0 masks");
    expect(reviewMaskSummary([{ source: "manual", labelClassId: "a" }])).toBe("1 mask");
    expect(
      reviewMaskSummary([
        { source: "prefill", labelClassId: "a" },
        { source: "prefill", labelClassId: null },
        { source: "manual", labelClassId: "b" },
        { source: "import", labelClassId: null },
      ]),
    ).toBe("4 masks · 2 pre-filled by the model, unedited · 2 without a label");
  });
});
