// Reads a mask PNG's exact pixel values. Mask PNGs carry ids and class
// indices, not colours to look at, so they are decoded here rather than
// through an image library that may convert colour spaces or bit depths (a
// 16-bit instance id must come out as itself). Each pixel becomes one number:
// the grey value for greyscale images, 0xRRGGBB for RGB and palette images
// (palette entries resolved), alpha ignored. Non-interlaced PNGs of every
// colour type and bit depth; Adam7-interlaced ones are refused by name.
import { inflateSync } from "node:zlib";

export type PngPixels = { width: number; height: number; kind: "grey" | "rgb"; values: Uint32Array };

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Masks are at most this many pixels (a 16k x 16k image); larger ones would exhaust memory. */
const MAX_PIXELS = 16384 * 16384;

export class PngDecodeError extends Error {}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the per-row filters into a new buffer: the rows without their filter bytes. */
function unfilter(data: Buffer, height: number, rowBytes: number, bytesPerPixel: number): Uint8Array {
  const out = new Uint8Array(height * rowBytes);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (rowBytes + 1)];
    const src = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const x = data[src + i] as number;
      const left = i >= bytesPerPixel ? (out[row + i - bytesPerPixel] as number) : 0;
      const up = y > 0 ? (out[row - rowBytes + i] as number) : 0;
      const upLeft = y > 0 && i >= bytesPerPixel ? (out[row - rowBytes + i - bytesPerPixel] as number) : 0;
      let value: number;
      if (filter === 0) value = x;
      else if (filter === 1) value = x + left;
      else if (filter === 2) value = x + up;
      else if (filter === 3) value = x + ((left + up) >> 1);
      else if (filter === 4) value = x + paeth(left, up, upLeft);
      else throw new PngDecodeError(`unknown row filter ${filter}`);
      out[row + i] = value & 0xff;
    }
  }
  return out;
}

export function decodePngPixels(bytes: Buffer): PngPixels {
  if (bytes.length < 8 || SIGNATURE.some((value, index) => bytes[index] !== value)) throw new PngDecodeError("not a PNG file");
  let offset = 8;
  let header: { width: number; height: number; depth: number; colourType: number; interlace: number } | null = null;
  let palette: Buffer | null = null;
  const idat: Buffer[] = [];
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("ascii", offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) throw new PngDecodeError(`the ${type} chunk is cut short`);
    if (type === "IHDR") header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, colourType: body[9]!, interlace: body[12]! };
    else if (type === "PLTE") palette = body;
    else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  if (!header) throw new PngDecodeError("no IHDR chunk");
  const { width, height, depth, colourType } = header;
  const channels = CHANNELS[colourType];
  if (channels === undefined) throw new PngDecodeError(`unknown colour type ${colourType}`);
  if (header.interlace !== 0) throw new PngDecodeError("interlaced (Adam7) PNGs are not supported; save it without interlacing");
  if (width === 0 || height === 0 || width * height > MAX_PIXELS) throw new PngDecodeError(`unsupported size ${width}x${height}`);
  if (colourType === 3 && !palette) throw new PngDecodeError("a palette image without a PLTE chunk");
  const bitsPerPixel = channels * depth;
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  let inflated: Buffer;
  try {
    inflated = inflateSync(Buffer.concat(idat));
  } catch (error) {
    throw new PngDecodeError(`the image data cannot be inflated (${error instanceof Error ? error.message : String(error)})`);
  }
  if (inflated.length < height * (rowBytes + 1)) throw new PngDecodeError("the image data is shorter than its size says");
  const rows = unfilter(inflated, height, rowBytes, Math.max(1, bitsPerPixel >> 3));

  const sample = (row: number, index: number): number => {
    if (depth === 8) return rows[row + index] as number;
    if (depth === 16) return ((rows[row + 2 * index] as number) << 8) | (rows[row + 2 * index + 1] as number);
    const bit = index * depth;
    return ((rows[row + (bit >> 3)] as number) >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
  };
  // 16-bit colour keeps its high byte so RGB keys stay 0xRRGGBB; 16-bit grey keeps the full value (instance ids).
  const byte = (value: number) => (depth === 16 ? value >> 8 : value);
  const values = new Uint32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (colourType === 0 || colourType === 4) values[i] = sample(row, x * channels);
      else if (colourType === 3) {
        const entry = sample(row, x);
        if (3 * entry + 2 >= palette!.length) throw new PngDecodeError(`palette index ${entry} is outside the palette`);
        values[i] = (palette![3 * entry]! << 16) | (palette![3 * entry + 1]! << 8) | palette![3 * entry + 2]!;
      } else {
        const base = x * channels;
        values[i] = (byte(sample(row, base)) << 16) | (byte(sample(row, base + 1)) << 8) | byte(sample(row, base + 2));
      }
    }
  }
  return { width, height, kind: colourType === 0 || colourType === 4 ? "grey" : "rgb", values };
}
