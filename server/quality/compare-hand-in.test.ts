import { describe, expect, it } from "vitest";
import { encodeMaskToRle, maskFromRows, rleArea, rleBbox } from "@/lib/mask";
import type { HandInMask } from "@/lib/schemas/hand-in-quality";
import { acceptedAsHandedIn, compareHandIn } from "./compare-hand-in";

function mask(id: string, labelClassId: string | null, rows: string[]): HandInMask {
  const rle = encodeMaskToRle(maskFromRows(rows));
  return { id, labelClassId, rleCounts: rle.counts, maskHeight: rle.size[0], maskWidth: rle.size[1], bbox: rleBbox(rle), area: rleArea(rle) };
}

const square = ["####....", "####....", "####....", "####....", "........", "........"];
const squareGrown = ["#####...", "#####...", "####....", "####....", "........", "........"];
const bar = ["........", "........", "........", "........", "........", "########"];
const dot = [".......#", "........", "........", "........", "........", "........"];

describe("compareHandIn", () => {
  it("counts an identical hand-in as accepted as handed in", () => {
    const masks = [mask("a", "car", square), mask("b", "road", bar)];
    const quality = compareHandIn({ handedIn: masks, accepted: masks.map((m) => ({ ...m })), firstOfRound: true });
    expect(quality).toMatchObject({ handedIn: 2, accepted: 2, matched: 2, unchanged: 2, relabelled: 0, missed: 0, extra: 0, iouSum: 2, firstOfRound: true });
    expect(quality.labels).toEqual({ car: { accepted: 1, found: 1, extra: 0 }, road: { accepted: 1, found: 1, extra: 0 } });
    expect(acceptedAsHandedIn(quality)).toBe(true);
  });

  it("tells reshaped, relabelled, missed and extra masks apart", () => {
    const handedIn = [mask("a", "car", square), mask("b", "road", bar), mask("c", "car", dot)];
    // The reviewer grew the square (IoU 16/18), relabelled the bar, deleted the dot and added a mask the annotator missed.
    const accepted = [mask("a", "car", squareGrown), mask("b", "kerb", bar), mask("d", null, ["........", "........", "........", "......##", "......##", "........"])];
    const quality = compareHandIn({ handedIn, accepted, firstOfRound: false });
    expect(quality.matched).toBe(2);
    expect(quality.unchanged).toBe(0);
    expect(quality.relabelled).toBe(1);
    expect(quality.missed).toBe(1);
    expect(quality.extra).toBe(1);
    expect(quality.iouSum).toBeCloseTo(16 / 18 + 1, 5);
    expect(quality.labels).toEqual({
      car: { accepted: 1, found: 1, extra: 1 },
      kerb: { accepted: 1, found: 1, extra: 0 },
      none: { accepted: 1, found: 0, extra: 0 },
    });
    expect(acceptedAsHandedIn(quality)).toBe(false);
  });

  it("does not pair masks under IoU 0.5, and pairs each mask once", () => {
    // 3 of the square's 16 pixels: IoU 3/16.
    const sliver = ["###.....", "........", "........", "........", "........", "........"];
    expect(compareHandIn({ handedIn: [mask("x", "car", sliver)], accepted: [mask("a", "car", square)], firstOfRound: true })).toMatchObject({ matched: 0, missed: 1, extra: 1 });
    // Two handed-in copies of the square: only one can match it.
    const quality = compareHandIn({ handedIn: [mask("x", "car", sliver), mask("y", "car", square), mask("z", "car", square)], accepted: [mask("a", "car", square)], firstOfRound: true });
    expect(quality.matched).toBe(1);
    expect(quality.unchanged).toBe(1);
    expect(quality.extra).toBe(2);
    expect(quality.missed).toBe(0);
  });

  it("scores an empty hand-in against accepted masks as all missed", () => {
    const quality = compareHandIn({ handedIn: [], accepted: [mask("a", "car", square)], firstOfRound: true });
    expect(quality).toMatchObject({ matched: 0, missed: 1, extra: 0, iouSum: 0 });
    expect(quality.labels).toEqual({ car: { accepted: 1, found: 0, extra: 0 } });
  });
});
