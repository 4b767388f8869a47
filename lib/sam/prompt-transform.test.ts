import { describe, expect, it } from "vitest";
import { buildDecoderPrompt, computeResizeGeometry, toModelCoordinates } from "./prompt-transform";

describe("computeResizeGeometry", () => {
  it("scales the longest side to inputSize and rounds like SAM", () => {
    // SAM: newh = int(h * scale + 0.5); 480 * 1024/640 = 768.
    expect(computeResizeGeometry({ width: 640, height: 480, inputSize: 1024 })).toMatchObject({
      scale: 1.6,
      resizedWidth: 1024,
      resizedHeight: 768,
    });
    // Portrait, non-integer: 333 * 1024/500 = 681.98 -> 682.
    expect(computeResizeGeometry({ width: 333, height: 500, inputSize: 1024 })).toMatchObject({
      resizedWidth: 682,
      resizedHeight: 1024,
    });
  });
  it("rejects empty sizes", () => {
    expect(() => computeResizeGeometry({ width: 0, height: 10, inputSize: 1024 })).toThrow(/Invalid image size/);
  });
});

describe("buildDecoderPrompt", () => {
  const geometry = computeResizeGeometry({ width: 333, height: 500, inputSize: 1024 });

  it("scales points per axis and appends the padding point", () => {
    const p = buildDecoderPrompt({
      geometry,
      points: [
        { x: 100, y: 200, positive: true },
        { x: 10, y: 20, positive: false },
      ],
    });
    expect(p.numPoints).toBe(3);
    expect(p.pointCoords[0]).toBeCloseTo(100 * (682 / 333), 4);
    expect(p.pointCoords[1]).toBeCloseTo(200 * (1024 / 500), 4);
    expect(Array.from(p.pointLabels)).toEqual([1, 0, -1]);
    expect(Array.from(p.pointCoords.slice(4))).toEqual([0, 0]);
  });

  it("encodes a box as corner points 2 and 3 with no padding point", () => {
    const p = buildDecoderPrompt({ geometry, box: { x0: 300, y0: 400, x1: 30, y1: 40 } });
    expect(p.numPoints).toBe(2);
    expect(Array.from(p.pointLabels)).toEqual([2, 3]);
    const topLeft = toModelCoordinates({ x: 30, y: 40, geometry });
    expect(p.pointCoords[0]).toBeCloseTo(topLeft.x, 4);
    expect(p.pointCoords[1]).toBeCloseTo(topLeft.y, 4);
    expect(p.pointCoords[3]).toBeCloseTo(400 * (1024 / 500), 4);
  });

  it("puts clicks before box corners", () => {
    const p = buildDecoderPrompt({ geometry, points: [{ x: 5, y: 5, positive: true }], box: { x0: 0, y0: 0, x1: 9, y1: 9 } });
    expect(Array.from(p.pointLabels)).toEqual([1, 2, 3]);
  });

  it("refuses an empty prompt", () => {
    expect(() => buildDecoderPrompt({ geometry })).toThrow(/at least one point or a box/);
  });
});
