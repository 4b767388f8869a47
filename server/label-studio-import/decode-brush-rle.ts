// Label Studio's brush masks: `value.rle` is a bit stream (the format of its
// frontend and label-studio-converter): a 32-bit count of values, a 5-bit word
// size (minus one), four 4-bit run-length field sizes (minus one), then blocks
// until the count is reached: 1 bit "repeat", 2 bits choosing a field size, that
// many bits of length (minus one), then either one word repeated or that many
// words. The values are the RGBA bytes of the image size; the mask is the alpha.
import type { BinaryMask } from "@/lib/mask";

class BitReader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  read(bits: number): number {
    let value = 0;
    for (let i = 0; i < bits; i++, this.at++) {
      const byte = this.bytes[this.at >> 3];
      if (byte === undefined) throw new Error("the brush mask ends early");
      value = value * 2 + ((byte >> (7 - (this.at & 7))) & 1);
    }
    return value;
  }
}

/** The decoded values (RGBA bytes), as Label Studio's converter decodes them. */
export function decodeBrushRle(rle: readonly number[]): Uint8Array {
  const reader = new BitReader(Uint8Array.from(rle));
  const count = reader.read(32);
  const wordSize = reader.read(5) + 1;
  const fieldSizes = [reader.read(4) + 1, reader.read(4) + 1, reader.read(4) + 1, reader.read(4) + 1];
  const out = new Uint8Array(count);
  let i = 0;
  while (i < count) {
    const repeat = reader.read(1);
    const end = Math.min(count, i + 1 + reader.read(fieldSizes[reader.read(2)]!));
    if (repeat) {
      out.fill(reader.read(wordSize), i, end);
      i = end;
    } else {
      for (; i < end; i++) out[i] = reader.read(wordSize);
    }
  }
  return out;
}

/** The brush mask of a width x height image: pixels whose alpha is set. */
export function brushRleToMask(rle: readonly number[], width: number, height: number): BinaryMask {
  const values = decodeBrushRle(rle);
  if (values.length !== width * height * 4) throw new Error(`the brush mask holds ${values.length} values, not ${width} x ${height} x 4`);
  const data = new Uint8Array(width * height);
  for (let p = 0; p < data.length; p++) data[p] = values[p * 4 + 3]! > 0 ? 1 : 0;
  return { width, height, data };
}
