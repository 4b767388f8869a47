import { describe, expect, it } from "vitest";
import { sha256Hex } from "../storage/content-store";
import {
  makeAvif,
  makeCorruptPng,
  makeDecompressionBombPng,
  makeGif,
  makeJpeg,
  makePng,
  makeRotatedJpeg,
  makeSvg,
  makeTextFile,
  makeTiff,
  makeTruncatedJpeg,
  makeWebp,
} from "../testing/fixtures/images";
import { inspectImageFile } from "./inspect-image-file";

const limits = { maxUploadBytes: 10 * 1024 * 1024, maxImagePixels: 50_000_000 };

describe("inspectImageFile", () => {
  it.each([
    ["photo.png", "image/png", () => makePng({ width: 64, height: 48 })],
    ["photo.jpg", "image/jpeg", () => makeJpeg({ width: 64, height: 48 })],
    ["photo.webp", "image/webp", () => makeWebp({ width: 64, height: 48 })],
    ["photo.gif", "image/gif", () => makeGif({ width: 64, height: 48 })],
    ["photo.tif", "image/tiff", () => makeTiff({ width: 64, height: 48 })],
    ["photo.avif", "image/avif", () => makeAvif({ width: 64, height: 48 })],
  ])("accepts %s as %s with its size and hash", async (fileName, mime, make) => {
    const bytes = await make();
    const result = await inspectImageFile({ fileName, bytes, ...limits });
    expect(result).toEqual({ sha256: sha256Hex(bytes), mime, width: 64, height: 48, byteSize: bytes.length });
  });

  it("trusts the bytes, not the extension", async () => {
    const result = await inspectImageFile({ fileName: "really-a-jpeg.png", bytes: await makeJpeg({ width: 10, height: 10 }), ...limits });
    expect(result.mime).toBe("image/jpeg");
  });

  it("records the displayed (EXIF-rotated) size", async () => {
    const result = await inspectImageFile({ fileName: "phone.jpg", bytes: await makeRotatedJpeg({ width: 40, height: 20 }), ...limits });
    expect([result.width, result.height]).toEqual([20, 40]);
  });

  it("rejects SVG as markup, naming the file", async () => {
    await expect(inspectImageFile({ fileName: "drawing.svg", bytes: makeSvg(), ...limits })).rejects.toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringMatching(/^drawing\.svg: .*SVG/),
    });
  });

  it("rejects a text file renamed .png", async () => {
    await expect(inspectImageFile({ fileName: "notes.png", bytes: makeTextFile(), ...limits })).rejects.toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringMatching(/^notes\.png: The file is a text file, not an image/),
    });
  });

  it("rejects unknown binary data", async () => {
    await expect(inspectImageFile({ fileName: "blob.bin", bytes: Buffer.from([0, 1, 2, 3, 250, 251]), ...limits })).rejects.toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringMatching(/^blob\.bin: The file is not an image in a supported format/),
    });
  });

  it("rejects a truncated JPEG whose header still parses", async () => {
    await expect(inspectImageFile({ fileName: "cut.jpg", bytes: await makeTruncatedJpeg(), ...limits })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/^cut\.jpg: The file is truncated or corrupt \(.+\)\.$/),
    });
  });

  it("rejects a corrupt file with a PNG signature", async () => {
    await expect(inspectImageFile({ fileName: "corrupt.png", bytes: makeCorruptPng(), ...limits })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/^corrupt\.png: The file is truncated or corrupt/),
    });
  });

  it("refuses a decompression bomb from its header, naming pixel count and limit", async () => {
    const bomb = makeDecompressionBombPng({ width: 30_000, height: 30_000 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    await expect(inspectImageFile({ fileName: "bomb.png", bytes: bomb, ...limits })).rejects.toMatchObject({
      code: "payload_too_large",
      message: "bomb.png: The image is 30000 × 30000 = 900,000,000 pixels; the limit is 50,000,000 pixels.",
    });
    // Refused from the header: decoding 900 MP would take seconds and gigabytes.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses files over the upload limit and empty files", async () => {
    const bytes = await makePng({ width: 64, height: 64 });
    await expect(inspectImageFile({ fileName: "big.png", bytes, maxUploadBytes: 100, maxImagePixels: 1e6 })).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringMatching(/^big\.png: The file is .+; the upload limit is 100 bytes\.$/),
    });
    await expect(inspectImageFile({ fileName: "empty.png", bytes: Buffer.alloc(0), ...limits })).rejects.toMatchObject({
      code: "bad_request",
      message: "empty.png: The file is empty.",
    });
  });

  it("applies the pixel limit at exactly the boundary", async () => {
    const bytes = await makePng({ width: 100, height: 50 });
    await expect(inspectImageFile({ fileName: "edge.png", bytes, maxUploadBytes: 1e7, maxImagePixels: 5000 })).resolves.toMatchObject({ width: 100 });
    await expect(inspectImageFile({ fileName: "edge.png", bytes, maxUploadBytes: 1e7, maxImagePixels: 4999 })).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });
});
