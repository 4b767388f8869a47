import { describe, expect, it } from "vitest";
import { encodeMaskToRle, maskFromRows, rleCountsToString } from "@/lib/mask";
import { AppError } from "../errors/app-error";
import { canonicalRuns, maskFieldsFromRle } from "./mask-fields-from-rle";

describe("maskFieldsFromRle", () => {
  const mask = maskFromRows(["0110", "0100", "0000"]);
  const image = { width: 4, height: 3 };

  it("computes bbox and area from the runs (pycocotools semantics)", () => {
    const fields = maskFieldsFromRle({ rle: encodeMaskToRle(mask), image });
    expect(fields).toEqual({ rleCounts: encodeMaskToRle(mask).counts, maskHeight: 3, maskWidth: 4, bbox: [1, 0, 2, 2], area: 3 });
  });

  it("stores the canonical string even when the client sent zero-length runs", () => {
    // Column-major runs of the mask: 3 bg, 2 fg, 1 bg, 1 fg, 5 bg; with redundant zero runs spliced in.
    const padded = rleCountsToString([3, 2, 0, 0, 1, 1, 5]);
    expect(maskFieldsFromRle({ rle: { size: [3, 4], counts: padded }, image }).rleCounts).toBe(encodeMaskToRle(mask).counts);
    expect(canonicalRuns([0, 2, 0, 3])).toEqual([0, 5]);
    expect(canonicalRuns([4, 0, 0])).toEqual([4]);
  });

  it("rejects a size that differs from the image, malformed counts and empty masks", () => {
    expect(() => maskFieldsFromRle({ rle: encodeMaskToRle(mask), image: { width: 3, height: 4 } })).toThrow(/4x3 but the image is 3x4/);
    expect(() => maskFieldsFromRle({ rle: { size: [3, 4], counts: "0" }, image })).toThrow(AppError);
    expect(() => maskFieldsFromRle({ rle: encodeMaskToRle(maskFromRows(["0000", "0000", "0000"])), image })).toThrow(/empty/);
  });
});
