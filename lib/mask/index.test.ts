import { describe, expect, it } from "vitest";
import * as api from "./index";

describe("public API", () => {
  it("exports the documented functions and error classes", () => {
    const names = [
      "createMask", "cloneMask", "masksEqual", "countForeground",
      "encodeMaskToRle", "decodeRleToMask", "rleArea", "rleBbox", "InvalidRleError",
      "maskArea", "maskBbox",
      "rasterizePolygons", "InvalidPolygonError",
      "maskToPolygons", "bridgeHoles", "polygonsToRings",
      "unionMasks", "subtractMasks", "intersectMasks", "paintDisc", "fillHoles", "removeSmallIslands", "labelComponents", "maskIou",
    ];
    for (const n of names) expect(typeof (api as Record<string, unknown>)[n], n).toBe("function");
  });

  it("end to end: polygon -> mask -> RLE -> mask -> polygons -> mask", () => {
    const mask = api.rasterizePolygons([[2.3, 1.2, 17.8, 3.1, 15.2, 12.7, 4.4, 10.9], [7, 5, 11, 5, 11, 8, 7, 8]], 20, 14);
    expect(api.maskArea(mask)).toBeGreaterThan(100);
    const rle = api.encodeMaskToRle(mask);
    expect(api.rleArea(rle)).toBe(api.maskArea(mask));
    expect(api.rleBbox(rle)).toEqual(api.maskBbox(mask));
    const decoded = api.decodeRleToMask(rle);
    const parts = api.maskToPolygons(decoded);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.holes).toHaveLength(1);
    const again = api.rasterizePolygons(api.polygonsToRings(parts), 20, 14);
    expect(api.masksEqual(again, mask)).toBe(true);
  });
});
