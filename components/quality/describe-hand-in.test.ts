import { describe, expect, it } from "vitest";
import type { HandInQuality } from "@/lib/schemas/hand-in-quality";
import { describeHandIn } from "./describe-hand-in";

const base: HandInQuality = { handedIn: 3, accepted: 3, matched: 3, unchanged: 3, relabelled: 0, iouSum: 3, missed: 0, extra: 0, firstOfRound: true, labels: {} };

describe("describeHandIn", () => {
  it("says a hand-in is waiting for the acceptance", () => {
    expect(describeHandIn(null)).toMatch(/once the image is accepted/);
  });

  it("describes an untouched hand-in", () => {
    expect(describeHandIn(base)).toBe("3 of 3 masks accepted as handed in.");
  });

  it("names changed, relabelled, removed and missing masks", () => {
    const quality = { ...base, handedIn: 4, accepted: 4, matched: 3, unchanged: 1, relabelled: 1, iouSum: 2.7, extra: 1, missed: 1 };
    expect(describeHandIn(quality)).toBe("1 of 4 masks accepted as handed in · 2 changed (mean IoU 0.90, 1 relabelled) · 1 removed · 1 missing (added before acceptance).");
  });

  it("handles an empty hand-in", () => {
    expect(describeHandIn({ ...base, handedIn: 0, accepted: 0, matched: 0, unchanged: 0, iouSum: 0 })).toMatch(/No masks handed in/);
    expect(describeHandIn({ ...base, handedIn: 0, accepted: 2, matched: 0, unchanged: 0, iouSum: 0, missed: 2 })).toBe("0 of 0 masks accepted as handed in · 2 missing (added before acceptance).");
  });
});
