import { describe, expect, it } from "vitest";
import { formatUtc } from "./format-utc";

describe("formatUtc", () => {
  it("writes an ISO instant as date, time and zone", () => {
    expect(formatUtc("2026-12-07T06:55:11.123Z")).toBe("2026-12-07 06:55:11 UTC");
    expect(formatUtc(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)).toISOString())).toBe("2026-01-02 03:04:05 UTC");
  });
});
