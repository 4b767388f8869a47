import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { preprocessImage } from "./preprocess-image";

const normalization = { mean: [123.675, 116.28, 103.53], std: [58.395, 57.12, 57.375] } as const;
const inputSize = 64; // small input keeps the test fast; the code is size-agnostic

async function solid(width: number, height: number, rgb: [number, number, number]) {
  return sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .png()
    .toBuffer();
}

function at(tensor: Float32Array, c: number, x: number, y: number) {
  return tensor[c * inputSize * inputSize + y * inputSize + x] as number;
}

describe("preprocessImage", () => {
  it("normalises per channel, resizes the longest side and zero-pads", async () => {
    const image = await solid(200, 100, [200, 100, 50]);
    const { tensor, dims, geometry } = await preprocessImage({ image, inputSize, normalization });
    expect(dims).toEqual([1, 3, 64, 64]);
    expect(tensor.length).toBe(3 * 64 * 64);
    expect(geometry).toMatchObject({ width: 200, height: 100, resizedWidth: 64, resizedHeight: 32, scale: 0.32 });
    expect(at(tensor, 0, 10, 10)).toBeCloseTo((200 - 123.675) / 58.395, 4);
    expect(at(tensor, 1, 63, 31)).toBeCloseTo((100 - 116.28) / 57.12, 4);
    expect(at(tensor, 2, 0, 0)).toBeCloseTo((50 - 103.53) / 57.375, 4);
    // Padding rows below the image are exactly zero in every channel.
    for (const c of [0, 1, 2]) {
      expect(at(tensor, c, 5, 32)).toBe(0);
      expect(at(tensor, c, 63, 63)).toBe(0);
    }
  });

  it("applies EXIF orientation before resizing", async () => {
    // 80x40 raw pixels, left half red, right half blue; orientation 6 means
    // "rotate 90° clockwise to display", so the displayed image is 40x80
    // with red on top.
    const width = 80;
    const height = 40;
    const raw = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        if (x < width / 2) raw[i] = 255;
        else raw[i + 2] = 255;
      }
    }
    const image = await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    const { tensor, geometry } = await preprocessImage({ image, inputSize, normalization });
    expect([geometry.width, geometry.height]).toEqual([40, 80]);
    expect([geometry.resizedWidth, geometry.resizedHeight]).toEqual([32, 64]);
    const red = (255 - 123.675) / 58.395;
    const blueInRed = (0 - 123.675) / 58.395;
    expect(at(tensor, 0, 16, 8)).toBeCloseTo(red, 0); // top: red
    expect(at(tensor, 0, 16, 56)).toBeCloseTo(blueInRed, 0); // bottom: blue
    expect(at(tensor, 0, 40, 10)).toBe(0); // right of the 32-wide image: padding
  });

  it("turns greyscale and RGBA input into three channels", async () => {
    const grey = await sharp({ create: { width: 30, height: 30, channels: 3, background: "#808080" } }).greyscale().png().toBuffer();
    const g = await preprocessImage({ image: grey, inputSize, normalization });
    expect(at(g.tensor, 0, 5, 5)).toBeCloseTo((128 - 123.675) / 58.395, 2);
    expect(at(g.tensor, 2, 5, 5)).toBeCloseTo((128 - 103.53) / 57.375, 2);

    const rgba = await sharp({ create: { width: 30, height: 20, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0.5 } } }).png().toBuffer();
    const r = await preprocessImage({ image: rgba, inputSize, normalization });
    // Alpha is dropped, not blended; sharp's premultiplied resize may cost
    // one grey level on semi-transparent pixels.
    expect(Math.abs(at(r.tensor, 1, 5, 5) * 57.12 + 116.28 - 20)).toBeLessThanOrEqual(1.01);
  });

  it("rejects bytes that are not an image", async () => {
    await expect(preprocessImage({ image: Buffer.from("hello"), inputSize, normalization })).rejects.toThrow();
  });
});
