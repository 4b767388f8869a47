import { describe, expect, it } from "vitest";
import { barHeights } from "./bar-heights";

describe("barHeights", () => {
  it("scales to the busiest day and keeps small non-zero days visible", () => {
    expect(barHeights([0, 50, 100, 1], 64)).toEqual([0, 32, 64, 2]);
  });

  it("draws nothing for days without work", () => {
    expect(barHeights([0, 0, 0], 64)).toEqual([0, 0, 0]);
    expect(barHeights([], 64)).toEqual([]);
  });
});
