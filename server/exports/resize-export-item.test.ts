import { describe, expect, it } from "vitest";
import { createMask, decodeRleToMask, encodeMaskToRle, maskFromRows, maskToRows, rleArea, rleBbox } from "@/lib/mask";
import type { ExportAnnotation, ExportImageWithAnnotations } from "./export-types";
import { downscaleMask, resizedSize, resizeExportItem } from "./resize-export-item";

describe("resizedSize", () => {
  it("scales the longest side to the limit, keeping the aspect ratio, and leaves smaller images alone", () => {
    expect(resizedSize(4000, 3000, 640)).toEqual({ width: 640, height: 480 });
    expect(resizedSize(1000, 3001, 640)).toEqual({ width: 213, height: 640 });
    expect(resizedSize(640, 480, 640)).toBeNull();
    expect(resizedSize(5000, 2, 640)).toEqual({ width: 640, height: 1 });
  });
});

describe("downscaleMask", () => {
  it("sets a pixel where at least half of its source pixels are set", () => {
    const mask = maskFromRows(["##..#.", "##..#.", "....##", "....##"]);
    expect(maskToRows(downscaleMask(mask, 3, 2))).toEqual(["101", "001"]);
  });

  it("keeps a one-pixel line at half scale, and a blank mask blank", () => {
    const line = createMask(8, 8);
    for (let y = 0; y < 8; y++) line.data[y * 8 + 3] = 1;
    expect(maskToRows(downscaleMask(line, 4, 4))).toEqual(["0100", "0100", "0100", "0100"]);
    expect(maskToRows(downscaleMask(createMask(8, 8), 4, 4))).toEqual(["0000", "0000", "0000", "0000"]);
  });
});

describe("resizeExportItem", () => {
  const annotation = (rows: string[], cocoId: number): ExportAnnotation => {
    const rle = encodeMaskToRle(maskFromRows(rows));
    return { dbId: `a${cocoId}`, cocoId, category: null, rle, area: rleArea(rle), bbox: rleBbox(rle), predictedIou: 0.9, stabilityScore: 0.95, prompt: { points: [{ x: 1, y: 1, label: 1 }] }, attributes: {} };
  };
  const item: ExportImageWithAnnotations = {
    image: { dbId: "i", cocoId: 1, fileName: "a.png", width: 4, height: 2, storageKey: "k", attributes: {} },
    annotations: [annotation(["##..", "##.."], 1), annotation(["...#", "...."], 2)],
  };

  it("scales the image and its masks, recomputes area and box, drops prompts and objects under one pixel", () => {
    const { item: out, resized } = resizeExportItem(item, 2);
    expect(resized).toBe(true);
    expect(out.image).toMatchObject({ width: 2, height: 1, fileName: "a.png" });
    expect(out.annotations).toHaveLength(1);
    const [kept] = out.annotations;
    expect(maskToRows(decodeRleToMask(kept!.rle))).toEqual(["10"]);
    expect(kept).toMatchObject({ cocoId: 1, area: 1, bbox: [0, 0, 1, 1], prompt: null, predictedIou: 0.9 });
  });

  it("returns the same item when it is within the limit", () => {
    expect(resizeExportItem(item, 4)).toEqual({ item, resized: false });
  });
});
