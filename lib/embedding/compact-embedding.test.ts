import { describe, expect, it } from "vitest";
import {
  decodeCompactEmbedding,
  decodeFloat16Planes,
  encodeFloat16Planes,
  float16BitsToFloat32,
  float32ToFloat16Bits,
  readCompactEmbeddingHeader,
  writeCompactHeader,
} from "./compact-embedding";

describe("float32ToFloat16Bits", () => {
  it.each([
    [0, 0x0000],
    [-0, 0x8000],
    [1, 0x3c00],
    [-2, 0xc000],
    [0.5, 0x3800],
    [65504, 0x7bff], // largest finite half
    [65520, 0x7c00], // rounds up to Inf (tie to even from 65504)
    [1e6, 0x7c00],
    [-1e6, 0xfc00],
    [Infinity, 0x7c00],
    [-Infinity, 0xfc00],
    [2 ** -14, 0x0400], // smallest normal
    [2 ** -24, 0x0001], // smallest subnormal
    [2 ** -25, 0x0000], // exactly half of it: tie to even (0)
    [2 ** -25 * 1.0001, 0x0001], // just above half: rounds up
    [3 * 2 ** -25, 0x0002], // 1.5 subnormal units: tie to even (2)
    [1023 * 2 ** -24, 0x03ff], // largest subnormal
    [1 + 2 ** -11, 0x3c00], // tie between 1 and next: even (1)
    [1 + 3 * 2 ** -11, 0x3c02], // tie: rounds to even (up)
    [1e-10, 0x0000],
  ])("%s -> 0x%s", (value, bits) => {
    expect(float32ToFloat16Bits(value)).toBe(bits);
  });

  it("keeps NaN a NaN", () => {
    const bits = float32ToFloat16Bits(NaN);
    expect(bits & 0x7c00).toBe(0x7c00);
    expect(bits & 0x03ff).not.toBe(0);
    expect(Number.isNaN(float16BitsToFloat32(bits))).toBe(true);
  });

  it("round-trips every finite half exactly", () => {
    const mismatches: number[] = [];
    for (let bits = 0; bits < 0x10000; bits++) {
      if ((bits & 0x7c00) === 0x7c00) continue; // Inf/NaN
      if (float32ToFloat16Bits(float16BitsToFloat32(bits)) !== bits) mismatches.push(bits);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("float16BitsToFloat32", () => {
  it.each([
    [0x0000, 0],
    [0x3c00, 1],
    [0x7bff, 65504],
    [0x0001, 2 ** -24],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])("0x%s -> %s", (bits, value) => {
    expect(float16BitsToFloat32(bits)).toBe(value);
  });
  it("decodes negative zero", () => {
    expect(Object.is(float16BitsToFloat32(0x8000), -0)).toBe(true);
  });
});

describe("byte planes", () => {
  it("stores all low bytes before all high bytes", () => {
    const planes = encodeFloat16Planes(new Float32Array([1, -2, 65504]));
    expect(Array.from(planes)).toEqual([0x00, 0x00, 0xff, 0x3c, 0xc0, 0x7b]);
    expect(Array.from(decodeFloat16Planes(planes, 3))).toEqual([1, -2, 65504]);
  });
});

describe("float32ToFloat16Bits with fewer mantissa bits", () => {
  it.each([
    [0x3c01, 9, 0x3c00], // tie, kept part even: down
    [0x3c03, 9, 0x3c04], // tie, kept part odd: up
    [0x3c03, 8, 0x3c04], // above half: up
    [0x3c02, 8, 0x3c00], // tie, even: down
    [0x3c06, 8, 0x3c08], // tie, odd: up
    [0x3fff, 9, 0x4000], // carry into the exponent (1.999 -> 2)
    [0x7bff, 9, 0x7c00], // 65504 -> Inf
    [0xbc03, 9, 0xbc04], // sign kept
    [0x7c00, 9, 0x7c00], // Inf unchanged
    [0x3c01, 10, 0x3c01], // full precision: identity
  ])("half %i at %i bits -> %i", (bits, mantissaBits, expected) => {
    expect(float32ToFloat16Bits(float16BitsToFloat32(bits), mantissaBits)).toBe(expected);
  });

  it("rounds once, from the float32 (no double rounding)", () => {
    // 1 + 2^-10 + 2^-13 is above the 9-bit midpoint 1 + 2^-10: rounds up.
    // Via fp16 first it would become exactly the midpoint, then round to even (1).
    expect(float32ToFloat16Bits(1 + 2 ** -10 + 2 ** -13, 9)).toBe(0x3c02);
    // Subnormal range: 3 units of 2^-24 at 9 bits (unit 2^-23) is a tie -> even (2 units = 0x0004).
    expect(float32ToFloat16Bits(3 * 2 ** -24, 9)).toBe(0x0004);
    expect(float32ToFloat16Bits(2 ** -24, 9)).toBe(0x0000); // half a unit, tie -> 0
    expect(float32ToFloat16Bits(2 ** -24 * 1.01, 9)).toBe(0x0002);
    expect(float32ToFloat16Bits(2 ** -30, 1)).toBe(0x0000);
    expect(Number.isNaN(float16BitsToFloat32(float32ToFloat16Bits(NaN, 8)))).toBe(true);
  });

  it("is applied by encodeFloat16Planes and validated", () => {
    const value = float16BitsToFloat32(0x3c03);
    const planes = encodeFloat16Planes(new Float32Array([value]), { mantissaBits: 9 });
    expect((planes[0] as number) | ((planes[1] as number) << 8)).toBe(0x3c04);
    expect(() => encodeFloat16Planes(new Float32Array(1), { mantissaBits: 11 })).toThrow(/1\.\.10/);
  });
});

async function gzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function buildCompact(values: Float32Array, dims: number[]): Promise<Uint8Array> {
  const payload = await gzipBytes(encodeFloat16Planes(values));
  const header = writeCompactHeader({ dims, payloadLength: payload.length });
  const out = new Uint8Array(header.length + payload.length);
  out.set(header);
  out.set(payload, header.length);
  return out;
}

describe("decodeCompactEmbedding", () => {
  it("round-trips within fp16 error", async () => {
    const values = new Float32Array(2 * 3 * 16 * 16);
    for (let i = 0; i < values.length; i++) values[i] = Math.sin(i * 0.731) * (i % 7) * 0.3;
    const bytes = await buildCompact(values, [2, 3, 16, 16]);
    expect(readCompactEmbeddingHeader(bytes).dims).toEqual([2, 3, 16, 16]);
    const decoded = await decodeCompactEmbedding(bytes);
    expect(decoded.length).toBe(values.length);
    for (let i = 0; i < values.length; i++) {
      // Half precision: relative error <= 2^-11 for normal values.
      expect(Math.abs((decoded[i] as number) - (values[i] as number))).toBeLessThanOrEqual(
        Math.abs(values[i] as number) * 2 ** -11 + 2 ** -25,
      );
    }
  });

  it("rejects a bad magic", async () => {
    const bytes = await buildCompact(new Float32Array(4), [4]);
    bytes[0] = 0x58;
    await expect(decodeCompactEmbedding(bytes)).rejects.toThrow(/bad magic/);
  });

  it("rejects an unknown version and dtype", async () => {
    const bytes = await buildCompact(new Float32Array(4), [4]);
    const badVersion = bytes.slice();
    badVersion[4] = 9;
    expect(() => readCompactEmbeddingHeader(badVersion)).toThrow(/unsupported version 9/);
    const badDtype = bytes.slice();
    badDtype[5] = 7;
    expect(() => readCompactEmbeddingHeader(badDtype)).toThrow(/unsupported dtype 7/);
  });

  it("rejects truncated input and short input", async () => {
    const bytes = await buildCompact(new Float32Array(64), [8, 8]);
    expect(() => readCompactEmbeddingHeader(bytes.subarray(0, bytes.length - 3))).toThrow(/payload is/);
    expect(() => readCompactEmbeddingHeader(bytes.subarray(0, 5))).toThrow(/shorter than any header/);
  });

  it("rejects a payload whose size does not match the dims", async () => {
    const payload = await gzipBytes(encodeFloat16Planes(new Float32Array(10)));
    const header = writeCompactHeader({ dims: [12], payloadLength: payload.length });
    const bytes = new Uint8Array(header.length + payload.length);
    bytes.set(header);
    bytes.set(payload, header.length);
    await expect(decodeCompactEmbedding(bytes)).rejects.toThrow(/dims need 24/);
  });

  it("rejects a corrupt gzip payload", async () => {
    const bytes = await buildCompact(new Float32Array(256).fill(1.5), [256]);
    const headerLength = readCompactEmbeddingHeader(bytes).payloadOffset;
    for (let i = headerLength + 10; i < bytes.length; i++) bytes[i] = (bytes[i] as number) ^ 0x5a;
    await expect(decodeCompactEmbedding(bytes)).rejects.toThrow(/Invalid compact embedding/);
  });
});
