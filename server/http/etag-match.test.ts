import { describe, expect, it } from "vitest";
import { ifNoneMatchHits } from "./etag-match";

describe("ifNoneMatchHits", () => {
  const etag = '"minisam:abc"';
  it("matches the same tag, weak or strong, alone or in a list, and *", () => {
    expect(ifNoneMatchHits('"minisam:abc"', etag)).toBe(true);
    expect(ifNoneMatchHits('W/"minisam:abc"', etag)).toBe(true);
    expect(ifNoneMatchHits('"x", "minisam:abc"', etag)).toBe(true);
    expect(ifNoneMatchHits(" * ", etag)).toBe(true);
  });
  it("does not match other tags, unquoted values or no header", () => {
    expect(ifNoneMatchHits(null, etag)).toBe(false);
    expect(ifNoneMatchHits("", etag)).toBe(false);
    expect(ifNoneMatchHits('"minisam:abd"', etag)).toBe(false);
    expect(ifNoneMatchHits("minisam:abc", etag)).toBe(false);
    expect(ifNoneMatchHits('"minisam:ab", "c"', etag)).toBe(false);
  });
});
