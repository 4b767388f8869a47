import { describe, expect, it } from "vitest";
import { describeEffort, reviewMaskSummary } from "./review-mask-summary";

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

describe("describeEffort", () => {
  it("says clicks and whole seconds, and nothing when the editor recorded nothing", () => {
    expect(describeEffort({ clicks: 3, secondsSpent: 11.6 })).toBe("3 clicks · 12 s");
    expect(describeEffort({ clicks: 1, secondsSpent: 0.2 })).toBe("1 click · 0 s");
    expect(describeEffort({ clicks: 0, secondsSpent: 0 })).toBeNull();
  });
});
