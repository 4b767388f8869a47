// Compact wire format for SAM image embeddings ([1,256,64,64] float32 = 4 MiB).
//
//   offset 0  "MWEM"            magic
//          4  u8 version        1
//          5  u8 dtype          1 = float16, byte-plane shuffled (all low bytes, then all high bytes);
//                               the writer may have rounded mantissas to fewer bits (still halves)
//          6  u8 compression    1 = gzip
//          7  u8 rank           number of dims (1..8)
//          8  u32le dims[rank]
//          .  u32le payloadLength
//          .  payload           gzip(low bytes || high bytes)
//
// Shuffling helps gzip: high bytes (sign + exponent) are highly repetitive
// while low bytes are nearly random, so separating them compresses ~25%
// better than interleaved fp16. The header stays uncompressed so bad input
// is rejected before any decompression. Compression happens on the server
// (server/sam/compress-embedding.ts, node:zlib); this module only holds the
// browser-safe parts, and decoding uses DecompressionStream (browsers and
// Node >= 18).

export const COMPACT_EMBEDDING_MAGIC = "MWEM";
export const COMPACT_EMBEDDING_VERSION = 1;
export const DTYPE_FLOAT16_SHUFFLED = 1;
export const COMPRESSION_GZIP = 1;
const MAX_RANK = 8;
/** Refuse absurd dims before allocating (a 1024-channel 256x256 map is 67M values). */
const MAX_ELEMENTS = 1 << 26;

export interface CompactEmbeddingHeader {
  version: number;
  dtype: number;
  compression: number;
  dims: number[];
  elementCount: number;
  payloadOffset: number;
  payloadLength: number;
}

// ---- float16 conversion ----------------------------------------------------

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * IEEE binary32 bit pattern -> binary16 bits, round to nearest even.
 * mantissaBits < 10 rounds (once, directly from the float32) to a coarser
 * half whose lowest 10 - mantissaBits mantissa bits are zero.
 */
export function float32BitsToFloat16Bits(bits: number, mantissaBits = 10): number {
  const drop = 10 - mantissaBits;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) {
    // Inf stays Inf; NaN stays a (quiet) NaN with its top payload bits.
    return mantissa === 0 ? sign | 0x7c00 : sign | 0x7e00 | (mantissa >>> 13);
  }
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00; // too large: Inf
  if (halfExponent <= 0) {
    // Result is subnormal (or zero): value / 2^(-24 + drop), rounded.
    const shift = 14 - halfExponent + drop;
    // full < 2^24 <= half of the unit: rounds to zero (also keeps shifts < 32).
    if (shift > 24) return sign;
    const full = mantissa | 0x800000;
    const half = 1 << (shift - 1);
    const remainder = full & ((1 << shift) - 1);
    let result = full >>> shift;
    if (remainder > half || (remainder === half && (result & 1) === 1)) result++;
    return sign | (result << drop); // rounding up to 0x400 is the smallest normal: still right
  }
  const shift = 13 + drop;
  let result = (halfExponent << 10) | ((mantissa >>> shift) << drop);
  const remainder = mantissa & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  // A carry out of the mantissa bumps the exponent, up to Inf: also right.
  if (remainder > half || (remainder === half && ((result >>> drop) & 1) === 1)) result += 1 << drop;
  return sign | result;
}

export function float32ToFloat16Bits(value: number, mantissaBits = 10): number {
  f32[0] = value;
  return float32BitsToFloat16Bits(u32[0] as number, mantissaBits);
}

export function float16BitsToFloat32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

let decodeTable: Float32Array | undefined;
/** All 65536 half values, built once (256 KiB) so decoding is one lookup per value. */
function float16Table(): Float32Array {
  if (!decodeTable) {
    decodeTable = new Float32Array(65536);
    for (let bits = 0; bits < 65536; bits++) decodeTable[bits] = float16BitsToFloat32(bits);
  }
  return decodeTable;
}

// ---- byte planes -----------------------------------------------------------

/**
 * float32 values -> fp16 byte planes (low bytes, then high bytes).
 * mantissaBits < 10 rounds to halves whose lowest mantissa bits are zero: the low
 * byte of a half is otherwise incompressible noise (1 MiB per SAM
 * embedding), and each bit dropped saves ~128 KiB after gzip. Decoding is
 * unchanged, the values are still halves.
 */
export function encodeFloat16Planes(data: Float32Array, { mantissaBits = 10 }: { mantissaBits?: number } = {}): Uint8Array {
  if (!Number.isInteger(mantissaBits) || mantissaBits < 1 || mantissaBits > 10) {
    throw new Error(`mantissaBits must be an integer in 1..10, got ${mantissaBits}`);
  }
  const n = data.length;
  const bits = new Uint32Array(data.buffer, data.byteOffset, n);
  const planes = new Uint8Array(n * 2);
  for (let i = 0; i < n; i++) {
    const half = float32BitsToFloat16Bits(bits[i] as number, mantissaBits);
    planes[i] = half & 0xff;
    planes[n + i] = half >>> 8;
  }
  return planes;
}

export function decodeFloat16Planes(planes: Uint8Array, count: number): Float32Array {
  if (planes.length !== count * 2) throw new Error(`Expected ${count * 2} fp16 plane bytes, got ${planes.length}`);
  const table = float16Table();
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = table[(planes[i] as number) | ((planes[count + i] as number) << 8)] as number;
  return out;
}

// ---- header ----------------------------------------------------------------

export function writeCompactHeader({ dims, payloadLength }: { dims: readonly number[]; payloadLength: number }): Uint8Array {
  if (dims.length < 1 || dims.length > MAX_RANK) throw new Error(`Embedding rank must be 1..${MAX_RANK}, got ${dims.length}`);
  const header = new Uint8Array(8 + dims.length * 4 + 4);
  const view = new DataView(header.buffer);
  for (let i = 0; i < 4; i++) header[i] = COMPACT_EMBEDDING_MAGIC.charCodeAt(i);
  header[4] = COMPACT_EMBEDDING_VERSION;
  header[5] = DTYPE_FLOAT16_SHUFFLED;
  header[6] = COMPRESSION_GZIP;
  header[7] = dims.length;
  dims.forEach((d, i) => {
    if (!Number.isInteger(d) || d <= 0) throw new Error(`Invalid embedding dim ${d}`);
    view.setUint32(8 + i * 4, d, true);
  });
  view.setUint32(8 + dims.length * 4, payloadLength, true);
  return header;
}

/** Parses and validates the header; throws a message saying what is wrong. */
export function readCompactEmbeddingHeader(bytes: Uint8Array): CompactEmbeddingHeader {
  const fail = (why: string): never => {
    throw new Error(`Invalid compact embedding: ${why}`);
  };
  if (bytes.length < 12) fail(`${bytes.length} bytes is shorter than any header`);
  const magic = String.fromCharCode(bytes[0] as number, bytes[1] as number, bytes[2] as number, bytes[3] as number);
  if (magic !== COMPACT_EMBEDDING_MAGIC) fail(`bad magic "${magic}" (expected "${COMPACT_EMBEDDING_MAGIC}")`);
  const [version, dtype, compression, rank] = [bytes[4], bytes[5], bytes[6], bytes[7]] as number[] as [number, number, number, number];
  if (version !== COMPACT_EMBEDDING_VERSION) fail(`unsupported version ${version}`);
  if (dtype !== DTYPE_FLOAT16_SHUFFLED) fail(`unsupported dtype ${dtype}`);
  if (compression !== COMPRESSION_GZIP) fail(`unsupported compression ${compression}`);
  if (rank < 1 || rank > MAX_RANK) fail(`rank ${rank} out of range`);
  const payloadOffset = 8 + rank * 4 + 4;
  if (bytes.length < payloadOffset) fail("truncated header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let elementCount = 1;
  for (let i = 0; i < rank; i++) {
    const d = view.getUint32(8 + i * 4, true);
    if (d === 0) fail(`dim ${i} is 0`);
    dims.push(d);
    elementCount *= d;
  }
  if (elementCount > MAX_ELEMENTS) fail(`${elementCount} elements exceeds the limit`);
  const payloadLength = view.getUint32(8 + rank * 4, true);
  if (bytes.length !== payloadOffset + payloadLength) {
    fail(`payload is ${bytes.length - payloadOffset} bytes, header says ${payloadLength}`);
  }
  return { version, dtype, compression, dims, elementCount, payloadOffset, payloadLength };
}

async function gunzip(payload: Uint8Array): Promise<Uint8Array> {
  // Copy into a fresh ArrayBuffer-backed view: Blob rejects shared buffers.
  const stream = new Blob([payload.slice()]).stream().pipeThrough(new DecompressionStream("gzip"));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new Error(`Invalid compact embedding: gzip payload is corrupt (${(error as Error).message})`);
  }
}

/** Compact bytes -> float32 values (row-major, dims from the header). */
export async function decodeCompactEmbedding(bytes: Uint8Array): Promise<Float32Array> {
  const header = readCompactEmbeddingHeader(bytes);
  const planes = await gunzip(bytes.subarray(header.payloadOffset));
  if (planes.length !== header.elementCount * 2) {
    throw new Error(
      `Invalid compact embedding: payload holds ${planes.length} bytes, dims need ${header.elementCount * 2}`,
    );
  }
  return decodeFloat16Planes(planes, header.elementCount);
}
