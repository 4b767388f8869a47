import { describe, expect, it } from "vitest";
import { roundToTenth } from "./round-to-tenth";

describe("roundToTenth", () => {
  it("keeps one decimal and leaves a missing figure missing", () => {
    expect(roundToTenth(7.25)).toBe(7.3);
    expect(roundToTenth(2 / 3)).toBe(0.7);
    expect(roundToTenth(null)).toBeNull();
  });
});
