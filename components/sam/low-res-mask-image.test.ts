import { describe, expect, it } from "vitest";
import { computeResizeGeometry } from "@/lib/sam/prompt-transform";
import { lowResMaskPixels } from "./low-res-mask-image";

describe("lowResMaskPixels", () => {
  it("draws only the region covering the image, with an outline and a fill", () => {
    // 4:2 image -> the low-res map's valid region is 8x4 of 8x8.
    const geometry = computeResizeGeometry({ width: 400, height: 200, inputSize: 32 });
    const logits = new Float32Array(64).fill(-5);
    for (let y = 0; y < 3; y++) for (let x = 1; x < 5; x++) logits[y * 8 + x] = 3; // 4x3 block
    logits[7 * 8 + 7] = 9; // inside the padding: must not count
    const fill = [1, 2, 3, 4] as const;
    const edge = [9, 9, 9, 9] as const;
    const pixels = lowResMaskPixels({ logits, geometry, lowResSize: 8, fill, edge });
    expect([pixels.width, pixels.height]).toEqual([8, 4]);
    expect(pixels.maskPixels).toBe(12);
    const at = (x: number, y: number) => [...pixels.rgba.subarray((y * 8 + x) * 4, (y * 8 + x) * 4 + 4)];
    expect(at(2, 1)).toEqual([...fill]); // interior
    expect(at(1, 1)).toEqual([...edge]); // left border
    expect(at(2, 0)).toEqual([...edge]); // top row touches the outside
    expect(at(0, 0)).toEqual([0, 0, 0, 0]);
  });
});
