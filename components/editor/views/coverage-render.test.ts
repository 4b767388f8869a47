// The "uncovered" view's union: every object's pixels once, whether its mask
// is compact (saved, drawn from its runs) or still full-size (a stroke in progress).
import { describe, expect, it } from "vitest";
import { encodeMaskToRle } from "@/lib/mask";
import { compactMaskFromRle } from "../core/compact-mask";
import { createDocument } from "../core/document";
import { discMask, testObject } from "../core/test-helpers";
import { coveredPixels } from "./coverage-render";

describe("coveredPixels", () => {
  it("counts the union of compact and plain masks, hidden objects included", () => {
    const a = discMask(30, 20, 8, 8, 5);
    const b = discMask(30, 20, 12, 9, 5);
    const c = discMask(30, 20, 25, 15, 3);
    const doc = createDocument({
      width: 30,
      height: 20,
      objects: [
        testObject({ id: "a", order: 1, mask: compactMaskFromRle(encodeMaskToRle(a)) }),
        testObject({ id: "b", order: 2, mask: b }),
        testObject({ id: "c", order: 3, mask: compactMaskFromRle(encodeMaskToRle(c)), hidden: true }),
      ],
    });
    const { covered, count } = coveredPixels(doc);
    let expected = 0;
    for (let i = 0; i < 30 * 20; i++) {
      const any = a.data[i] || b.data[i] || c.data[i] ? 1 : 0;
      expect(covered[i]).toBe(any);
      expected += any;
    }
    expect(count).toBe(expected);
    expect(count).toBeLessThan(a.data.reduce((s, v) => s + v, 0) + b.data.reduce((s, v) => s + v, 0) + c.data.reduce((s, v) => s + v, 0));
  });
});
