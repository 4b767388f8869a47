import { describe, expect, it } from "vitest";
import { encodeMaskToRle, maskFromRows, maskIou, rleCounts } from ".";
import { intersectMasks } from "./mask-ops";
import { countForeground, createMask } from "./binary-mask";
import { rleIntersectionArea, rleIou } from "./rle-overlap";

function countsOf(rows: string[]) {
  const mask = maskFromRows(rows);
  return { mask, counts: rleCounts(encodeMaskToRle(mask)) };
}

describe("rleIntersectionArea", () => {
  it("counts the shared foreground of two small masks", () => {
    const a = countsOf(["##..", "##..", "...."]);
    const b = countsOf([".##.", ".##.", ".##."]);
    expect(rleIntersectionArea(a.counts, b.counts)).toBe(2);
    expect(rleIntersectionArea(b.counts, a.counts)).toBe(2);
  });

  it("is 0 for disjoint masks and the area for a mask with itself", () => {
    const a = countsOf(["#...", "....", "...#"]);
    const b = countsOf([".#..", "..#.", "#..."]);
    expect(rleIntersectionArea(a.counts, b.counts)).toBe(0);
    expect(rleIntersectionArea(a.counts, a.counts)).toBe(2);
  });

  it("agrees with pixel intersection on random masks", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 25; round++) {
      const width = 3 + Math.floor(random() * 30);
      const height = 3 + Math.floor(random() * 30);
      const a = createMask(width, height);
      const b = createMask(width, height);
      for (let i = 0; i < a.data.length; i++) {
        a.data[i] = random() < 0.4 ? 1 : 0;
        b.data[i] = random() < 0.6 ? 1 : 0;
      }
      const ca = rleCounts(encodeMaskToRle(a));
      const cb = rleCounts(encodeMaskToRle(b));
      expect(rleIntersectionArea(ca, cb)).toBe(countForeground(intersectMasks(a, b)));
      expect(rleIou(ca, countForeground(a), cb, countForeground(b))).toBeCloseTo(maskIou(a, b), 12);
    }
  });

  it("gives IoU 0 for two empty masks", () => {
    const empty = countsOf(["...", "..."]);
    expect(rleIou(empty.counts, 0, empty.counts, 0)).toBe(0);
  });
});
