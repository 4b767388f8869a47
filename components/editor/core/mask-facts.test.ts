// The facts read from a mask's runs are the ones its pixels give.
import { describe, expect, it } from "vitest";
import { countForeground, createMask, encodeMaskToRle, maskBbox, paintDisc } from "@/lib/mask";
import { compactMaskFromRle } from "./compact-mask";
import { foregroundBbox, foregroundCount } from "./mask-facts";

describe("mask facts", () => {
  it("agree between the runs of a compact mask and a pass over the pixels", () => {
    for (const [x, y, radius] of [[30, 20, 9], [0, 0, 5], [63, 47, 12], [20, 40, 30]] as const) {
      const drawn = createMask(64, 48);
      paintDisc(drawn, x, y, radius, 1);
      const decoded = compactMaskFromRle(encodeMaskToRle(drawn));
      expect(foregroundCount(decoded)).toBe(countForeground(drawn));
      expect(foregroundBbox(decoded)).toEqual(maskBbox(drawn));
      // A mask nobody remembered facts for gets them from its pixels.
      expect(foregroundCount(drawn)).toBe(countForeground(drawn));
      expect(foregroundBbox(drawn)).toEqual(maskBbox(drawn));
    }
    const empty = compactMaskFromRle(encodeMaskToRle(createMask(8, 8)));
    expect([foregroundCount(empty), foregroundBbox(empty)]).toEqual([0, [0, 0, 0, 0]]);
  });
});
