import { describe, expect, it } from "vitest";
import { countOf } from "./count-of";

describe("countOf", () => {
  it("pairs a count with its noun, singular only for one", () => {
    expect(countOf(1, "image")).toBe("1 image");
    expect(countOf(0, "mask")).toBe("0 masks");
    expect(countOf(1234, "comment")).toBe("1,234 comments");
  });
});
