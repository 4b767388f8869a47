import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { encodeGrayPng, pngChunk } from "../exports/encode-gray-png";
import { decodePngPixels } from "./decode-png-pixels";

/** A 2-bit palette PNG written by hand: four pixels per byte, as VOC-style tools may write small palettes. */
function palettePng(width: number, height: number, indices: number[], colours: [number, number, number][]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 2;
  header[9] = 3;
  const rowBytes = Math.ceil((width * 2) / 8);
  const raw = Buffer.alloc(height * (rowBytes + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (rowBytes + 1) + 1 + (x >> 2);
      raw[at] = (raw[at] as number) | ((indices[y * width + x] as number) << (6 - 2 * (x & 3)));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("PLTE", Buffer.from(colours.flat())),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("decodePngPixels", () => {
  it("reads 8- and 16-bit greyscale values exactly", () => {
    const eight = decodePngPixels(encodeGrayPng({ width: 3, height: 2, pixels: new Uint8Array([0, 1, 2, 3, 250, 255]) }));
    expect(eight).toMatchObject({ width: 3, height: 2, kind: "grey" });
    expect([...eight.values]).toEqual([0, 1, 2, 3, 250, 255]);
    const sixteen = decodePngPixels(encodeGrayPng({ width: 3, height: 2, pixels: new Uint16Array([0, 1, 300, 65535, 2, 7]) }));
    expect([...sixteen.values]).toEqual([0, 1, 300, 65535, 2, 7]);
  });

  it("reads RGB written with row filters (sharp) and palette images as 0xRRGGBB", async () => {
    const width = 17;
    const height = 5;
    const rgb = Buffer.alloc(width * height * 3);
    const expected: number[] = [];
    for (let i = 0; i < width * height; i++) {
      const colour = [((i * 37) % 256), ((i * 11) % 256), i % 3 === 0 ? 128 : 0];
      rgb.set(colour, i * 3);
      expected.push((colour[0]! << 16) | (colour[1]! << 8) | colour[2]!);
    }
    const png = await sharp(rgb, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
    expect([...decodePngPixels(png).values]).toEqual(expected);

    const colours: [number, number, number][] = [[0, 0, 0], [128, 0, 0], [0, 128, 0], [224, 224, 192]];
    const indices = [0, 1, 2, 3, 3, 2, 1, 0, 1, 1];
    const decoded = decodePngPixels(palettePng(5, 2, indices, colours));
    expect(decoded.kind).toBe("rgb");
    expect([...decoded.values]).toEqual(indices.map((index) => (colours[index]![0] << 16) | (colours[index]![1] << 8) | colours[index]![2]));
  });

  it("names what it cannot read", async () => {
    expect(() => decodePngPixels(Buffer.from("GIF89a"))).toThrow("not a PNG file");
    const interlaced = await sharp(Buffer.alloc(64 * 64 * 3, 9), { raw: { width: 64, height: 64, channels: 3 } }).png({ progressive: true }).toBuffer();
    expect(() => decodePngPixels(interlaced)).toThrow("interlaced (Adam7) PNGs are not supported");
    const good = encodeGrayPng({ width: 4, height: 4, pixels: new Uint8Array(16) });
    expect(() => decodePngPixels(good.subarray(0, 40))).toThrow(/cut short|no IHDR|cannot be inflated|shorter/);
  });
});
