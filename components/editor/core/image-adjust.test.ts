import { describe, expect, it } from "vitest";
import { adjustFilter, clampAdjust, isNeutral, NEUTRAL_ADJUST } from "./image-adjust";

describe("image adjustment", () => {
  it("writes the canvas filter in percent, clamped to 30..250", () => {
    expect(adjustFilter({ brightness: 140, contrast: 120 })).toBe("brightness(140%) contrast(120%)");
    expect(adjustFilter({ brightness: 5, contrast: 900 })).toBe("brightness(30%) contrast(250%)");
  });

  it("treats a non-number as unchanged and knows the neutral setting", () => {
    expect(clampAdjust(Number.NaN)).toBe(100);
    expect(clampAdjust(133.4)).toBe(133);
    expect(isNeutral(NEUTRAL_ADJUST)).toBe(true);
    expect(isNeutral({ brightness: 100, contrast: 101 })).toBe(false);
  });
});
