import { describe, expect, it } from "vitest";
import { cropBox, cropMask, zoomCropRects } from "./zoom-crops";

describe("zoomCropRects", () => {
  it("gives four corner crops of the given share that together cover the image", () => {
    const rects = zoomCropRects({ width: 640, height: 480, fraction: 0.6 });
    expect(rects).toEqual([
      { x: 0, y: 0, width: 384, height: 288 },
      { x: 256, y: 0, width: 384, height: 288 },
      { x: 0, y: 192, width: 384, height: 288 },
      { x: 256, y: 192, width: 384, height: 288 },
    ]);
    for (const [px, py] of [[0, 0], [639, 0], [320, 240], [0, 479], [639, 479]] as const) {
      expect(rects.some((r) => px >= r.x && px < r.x + r.width && py >= r.y && py < r.y + r.height)).toBe(true);
    }
  });

  it("refuses a share outside (0, 1)", () => {
    expect(() => zoomCropRects({ width: 10, height: 10, fraction: 1 })).toThrow(/fraction/);
    expect(() => zoomCropRects({ width: 10, height: 10, fraction: 0 })).toThrow(/fraction/);
  });
});

describe("cropBox", () => {
  const rect = { x: 100, y: 50, width: 200, height: 100 };

  it("moves a box inside the crop into crop pixels", () => {
    expect(cropBox({ x0: 120, y0: 60, x1: 140, y1: 90 }, rect)).toEqual({ x0: 20, y0: 10, x1: 40, y1: 40 });
  });

  it("clips a box mostly inside and drops one mostly outside", () => {
    // 70% of the box's width inside: kept, clipped at the crop's right edge.
    expect(cropBox({ x0: 272, y0: 60, x1: 312, y1: 80 }, rect)).toEqual({ x0: 172, y0: 10, x1: 200, y1: 30 });
    // 30% inside: not a target in this crop.
    expect(cropBox({ x0: 288, y0: 60, x1: 328, y1: 80 }, rect)).toBeNull();
    expect(cropBox({ x0: 0, y0: 0, x1: 50, y1: 50 }, rect)).toBeNull();
  });
});

describe("cropMask", () => {
  it("copies the pixels under the crop", () => {
    const mask = { width: 4, height: 3, data: Uint8Array.from([0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1]) };
    expect(cropMask(mask, { x: 1, y: 1, width: 3, height: 2 })).toEqual({ width: 3, height: 2, data: Uint8Array.from([1, 1, 0, 0, 0, 1]) });
  });

  it("refuses a crop that leaves the mask", () => {
    expect(() => cropMask({ width: 4, height: 3, data: new Uint8Array(12) }, { x: 2, y: 0, width: 3, height: 2 })).toThrow(/outside/);
  });
});
