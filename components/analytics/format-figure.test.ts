import { describe, expect, it } from "vitest";
import { duration, figure, percent, rate } from "./format-figure";

describe("analytics figures", () => {
  it("shows a missing figure as a dash and separates thousands", () => {
    expect(figure(null)).toBe("—");
    expect(figure(0)).toBe("0");
    expect(figure(12345.67, " s")).toBe("12,345.7 s");
  });

  it("reads short waits in minutes, a day or two in hours, longer ones in days", () => {
    expect(duration(null)).toBe("—");
    expect(duration(0.25)).toBe("15 min");
    expect(duration(3.04)).toBe("3 h");
    expect(duration(72)).toBe("3 days");
  });

  it("gives a share only when there is a whole", () => {
    expect(percent(1, 3)).toBe("33%");
    expect(percent(0, 0)).toBe("—");
    expect(rate(0.667)).toBe("67%");
    expect(rate(null)).toBe("—");
  });
});
