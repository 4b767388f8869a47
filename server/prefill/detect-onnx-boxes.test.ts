// A user ONNX detector on a real onnxruntime-node session: the letterbox
// geometry, boxes mapped back from input pixels to image pixels for a
// non-square image, invalid / tiny / low-score boxes dropped, box NMS and
// top-K applied, and a file breaking the contract refused by name.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DEFAULT_PREFILL_SETTINGS } from "@/lib/schemas/detector";
import { detectOnnxBoxes } from "./detect-onnx-boxes";
import { boxToImage, letterboxGeometry, letterboxImage } from "./letterbox-image";
import { listOnnxDetectors } from "./list-onnx-detectors";
import { loadOnnxDetector } from "./load-onnx-detector";
import { buildTinyOnnxDetector, buildTinyYoloDetector, writeTinyOnnxDetector } from "./testing/tiny-onnx-detector";

const dir = mkdtempSync(path.join(os.tmpdir(), "mw-onnx-detectors-"));
const settings = { topK: 2, minDetectorScore: 0.4, boxNmsIou: 0.6 };

describe("letterbox", () => {
  it("puts a 300x150 image top-left in S=64 and maps input boxes back to image pixels", async () => {
    const image = await sharp({ create: { width: 300, height: 150, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toBuffer();
    const { tensor, letterbox } = await letterboxImage({ image, size: 64 });
    expect(letterbox).toEqual({ width: 300, height: 150, size: 64, resizedWidth: 64, resizedHeight: 32 });
    const plane = 64 * 64;
    // Red inside the resized image, zero padding below it; values in 0..1.
    expect(tensor[10 * 64 + 10]).toBeCloseTo(1, 5);
    expect(tensor[plane + 10 * 64 + 10]).toBeCloseTo(0, 5);
    expect(tensor[40 * 64 + 10]).toBe(0);
    // Input (16,8)-(32,24) is image (75,37.5)-(150,112.5): scale 300/64 on both axes.
    const mapped = boxToImage({ x0: 16, y0: 8, x1: 32, y1: 24 }, letterbox);
    expect(mapped.x0).toBeCloseTo(75, 5);
    expect(mapped.y0).toBeCloseTo(37.5, 5);
    expect(mapped.x1).toBeCloseTo(150, 5);
    expect(mapped.y1).toBeCloseTo(112.5, 5);
    // A box reaching into the padding is clipped to the image.
    expect(boxToImage({ x0: 0, y0: 20, x1: 70, y1: 60 }, letterbox)).toEqual({ x0: 0, y0: 20 * (150 / 32), x1: 300, y1: 150 });
  });

  it("a portrait image fills the height", () => {
    expect(letterboxGeometry({ width: 100, height: 400, size: 640 })).toMatchObject({ resizedWidth: 160, resizedHeight: 640 });
  });
});

describe("detectOnnxBoxes", () => {
  it("keeps valid boxes above the score, NMS-ed and top-K, in image pixels", async () => {
    const model = buildTinyOnnxDetector({
      size: 64,
      boxes: [
        [16, 8, 32, 24], // kept (best)
        [17, 9, 33, 25], // NMS: overlaps the best
        [40, 4, 60, 20], // kept (second)
        [0, 0, 30, 30], // below minDetectorScore
        [5, 5, 5.5, 5.5], // tiny (2.3 px in the image)
        [30, 30, 20, 40], // inverted -> clipped to zero width
        [1, 1, 10, 10], // valid but past top-K
      ],
      scores: [0.9, 0.8, 0.7, 0.3, 0.95, 0.99, 0.5],
    });
    writeTinyOnnxDetector({ dir, name: "tiny", model });
    expect(await listOnnxDetectors({ dir })).toEqual([{ name: "tiny", fileName: "tiny.onnx", path: path.join(dir, "tiny.onnx"), byteSize: model.byteLength }]);
    const detector = await loadOnnxDetector({ name: "tiny", dir });
    expect(detector).toMatchObject({ name: "tiny", fileName: "tiny.onnx", inputSize: 64 });
    expect(detector.sha256).toMatch(/^[0-9a-f]{64}$/);
    const image = await sharp({ create: { width: 300, height: 150, channels: 3, background: "#888" } }).png().toBuffer();
    const boxes = await detectOnnxBoxes({ detector, image, settings });
    expect(boxes).toHaveLength(2);
    const s = 300 / 64;
    const expected = [
      { x0: 16 * s, y0: 8 * s, x1: 32 * s, y1: 24 * s, score: 0.9 },
      { x0: 40 * s, y0: 4 * s, x1: 60 * s, y1: 20 * s, score: 0.7 },
    ];
    boxes.forEach((box, i) => {
      for (const key of ["x0", "y0", "x1", "y1", "score"] as const) expect(box[key]).toBeCloseTo(expected[i]![key], 4);
    });
    // The defaults (score bar 0.15, top-K 30) also keep the 0.3 box and the 7th.
    expect((await detectOnnxBoxes({ detector, image, settings: DEFAULT_PREFILL_SETTINGS })).map((box) => Math.round(box.score * 100) / 100)).toEqual([0.9, 0.7, 0.5, 0.3]);
  });

  it("decodes an unmodified YOLO export [1,4+C,N]: cx,cy,w,h and the best class score", async () => {
    // Three anchors, two classes: (24,16) 16x16 best class 0.8; (50,12) 20x16 best class 0.6; one below the score.
    const rows = [
      [24, 50, 10],
      [16, 12, 10],
      [16, 20, 8],
      [16, 16, 8],
      [0.8, 0.1, 0.2],
      [0.3, 0.6, 0.1],
    ];
    writeTinyOnnxDetector({ dir, name: "yolo", model: buildTinyYoloDetector({ size: 64, rows }) });
    const detector = await loadOnnxDetector({ name: "yolo", dir });
    expect(detector).toMatchObject({ layout: "yolo", yoloOutput: "output0", inputSize: 64 });
    const image = await sharp({ create: { width: 300, height: 150, channels: 3, background: "#888" } }).png().toBuffer();
    const boxes = await detectOnnxBoxes({ detector, image, settings: { ...settings, topK: 10 } });
    const s = 300 / 64;
    const expected = [
      { x0: 16 * s, y0: 8 * s, x1: 32 * s, y1: 24 * s, score: 0.8 },
      { x0: 40 * s, y0: 4 * s, x1: 60 * s, y1: 20 * s, score: 0.6 },
    ];
    expect(boxes).toHaveLength(2);
    boxes.forEach((box, i) => {
      for (const key of ["x0", "y0", "x1", "y1", "score"] as const) expect(box[key]).toBeCloseTo(expected[i]![key], 4);
    });
  });

  it("refuses files that break the contract, naming the file and the problem", async () => {
    writeTinyOnnxDetector({ dir, name: "renamed", model: buildTinyOnnxDetector({ size: 64, boxes: [[1, 1, 9, 9]], scores: [1], outputNames: { boxes: "dets", scores: "scores" } }) });
    await expect(loadOnnxDetector({ name: "renamed", dir })).rejects.toThrow(/ONNX detector renamed\.onnx: no tensor output named "boxes".*outputs \[dets, scores\]/);
    writeTinyOnnxDetector({ dir, name: "wrong-input", model: buildTinyOnnxDetector({ size: 64, boxes: [[1, 1, 9, 9]], scores: [1], inputName: "input" }) });
    await expect(loadOnnxDetector({ name: "wrong-input", dir })).rejects.toThrow(/ONNX detector wrong-input\.onnx: no tensor input named "images"/);
    writeTinyOnnxDetector({ dir, name: "garbage", model: new Uint8Array([1, 2, 3, 4]) });
    await expect(loadOnnxDetector({ name: "garbage", dir })).rejects.toThrow(/ONNX detector garbage\.onnx cannot be opened by ONNX Runtime/);
    await expect(loadOnnxDetector({ name: "absent", dir })).rejects.toThrow(/ONNX detector absent\.onnx not found/);
    await expect(loadOnnxDetector({ name: "../escape", dir })).rejects.toThrow(/Invalid ONNX detector name/);
  });
});
