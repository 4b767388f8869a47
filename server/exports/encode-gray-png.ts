// Minimal greyscale (and 8-bit RGB) PNG writer for the mask exports. Written by hand rather
// than through sharp so the bit depth is exactly what the format documents
// (8-bit class images, 16-bit instance-id images, big-endian as PNG requires)
// and no colour management or palette conversion can touch the values.
import { crc32, deflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data and the CRC over type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Row-major pixels; 8-bit data in a Uint8Array, 16-bit data in a Uint16Array. */
export function encodeGrayPng(options: { width: number; height: number; pixels: Uint8Array | Uint16Array }): Buffer {
  const { width, height, pixels } = options;
  if (pixels.length !== width * height) throw new Error(`expected ${width * height} pixels, got ${pixels.length}`);
  const bitDepth = pixels instanceof Uint16Array ? 16 : 8;
  const bytesPerPixel = bitDepth / 8;
  const stride = 1 + width * bytesPerPixel;
  // Filter type 0 (none) on every row: masks are mostly long runs, which deflate handles well anyway.
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const rowStart = y * stride + 1;
    if (bitDepth === 8) {
      raw.set(pixels.subarray(y * width, (y + 1) * width), rowStart);
    } else {
      for (let x = 0; x < width; x++) raw.writeUInt16BE(pixels[y * width + x] ?? 0, rowStart + 2 * x);
    }
  }
  return assemblePng({ width, height, bitDepth, colourType: 0, raw });
}

/** Row-major 0xRRGGBB colours as an 8-bit RGB PNG (Pascal VOC / CVAT segmentation masks). */
export function encodeRgbPng(options: { width: number; height: number; colours: Uint32Array }): Buffer {
  const { width, height, colours } = options;
  if (colours.length !== width * height) throw new Error(`expected ${width * height} pixels, got ${colours.length}`);
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    let at = y * stride + 1;
    for (let x = 0; x < width; x++, at += 3) {
      const colour = colours[y * width + x]!;
      raw[at] = colour >>> 16;
      raw[at + 1] = (colour >>> 8) & 0xff;
      raw[at + 2] = colour & 0xff;
    }
  }
  return assemblePng({ width, height, bitDepth: 8, colourType: 2, raw });
}

/** Signature, header and one deflated IDAT of unfiltered rows (filter type 0 already in `raw`). */
function assemblePng(options: { width: number; height: number; bitDepth: 8 | 16; colourType: 0 | 2; raw: Buffer }): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(options.width, 0);
  header.writeUInt32BE(options.height, 4);
  header[8] = options.bitDepth;
  header[9] = options.colourType; // 0 greyscale, 2 RGB; compression, filter and interlace stay 0
  return Buffer.concat([SIGNATURE, pngChunk("IHDR", header), pngChunk("IDAT", deflateSync(options.raw, { level: 6 })), pngChunk("IEND", Buffer.alloc(0))]);
}
