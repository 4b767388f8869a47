/**
 * In-memory binary mask: `width * height` bytes, row-major (index = y * width + x),
 * 1 = foreground, 0 = background.
 *
 * Row-major matches canvas ImageData and the SAM decoder output, so the editor can
 * blit it without transposing; COCO's column-major order only exists at the RLE
 * boundary (see coco-rle.ts).
 *
 * Functions in lib/mask write only 0/1 but read "non-zero = foreground", so a mask
 * built from a thresholded image (e.g. 255 for foreground) still behaves.
 */
export interface BinaryMask {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Thrown when a mask's dimensions or buffer are inconsistent, or two masks differ in size. */
export class InvalidMaskError extends Error {
  override readonly name = "InvalidMaskError";
}

function assertDimension(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidMaskError(`mask ${what} must be a non-negative integer, got ${String(value)}`);
  }
}

/** A new all-background mask. */
export function createMask(width: number, height: number): BinaryMask {
  assertDimension(width, "width");
  assertDimension(height, "height");
  return { width, height, data: new Uint8Array(width * height) };
}

/** Throws InvalidMaskError unless dimensions are non-negative integers and data has width*height bytes. */
export function assertValidMask(mask: BinaryMask): void {
  assertDimension(mask.width, "width");
  assertDimension(mask.height, "height");
  if (!(mask.data instanceof Uint8Array)) {
    throw new InvalidMaskError("mask data must be a Uint8Array");
  }
  if (mask.data.length !== mask.width * mask.height) {
    throw new InvalidMaskError(
      `mask data has ${mask.data.length} bytes, expected width*height = ${mask.width * mask.height}`,
    );
  }
}

/** Throws InvalidMaskError unless both masks have the same width and height. */
export function assertSameSize(a: BinaryMask, b: BinaryMask): void {
  if (a.width !== b.width || a.height !== b.height) {
    throw new InvalidMaskError(
      `mask sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`,
    );
  }
}

export function cloneMask(mask: BinaryMask): BinaryMask {
  return { width: mask.width, height: mask.height, data: mask.data.slice() };
}

/** Same size and same foreground set (non-zero values compare equal to each other). */
export function masksEqual(a: BinaryMask, b: BinaryMask): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  const da = a.data;
  const db = b.data;
  for (let i = 0; i < da.length; i++) {
    if ((da[i] !== 0) !== (db[i] !== 0)) return false;
  }
  return true;
}

/** Number of foreground pixels. */
export function countForeground(mask: BinaryMask): number {
  const d = mask.data;
  let n = 0;
  for (let i = 0; i < d.length; i++) {
    if (d[i] !== 0) n++;
  }
  return n;
}

/**
 * Builds a mask from text rows, '1' or '#' = foreground, '0' or '.' = background.
 * Meant for tests and fixtures, where a picture of the mask is easier to check than indices.
 */
export function maskFromRows(rows: readonly string[]): BinaryMask {
  const height = rows.length;
  const width = height === 0 ? 0 : (rows[0] ?? "").length;
  const mask = createMask(width, height);
  rows.forEach((row, y) => {
    if (row.length !== width) {
      throw new InvalidMaskError(`row ${y} has length ${row.length}, expected ${width}`);
    }
    for (let x = 0; x < width; x++) {
      const c = row[x];
      if (c === "1" || c === "#") mask.data[y * width + x] = 1;
      else if (c !== "0" && c !== ".") {
        throw new InvalidMaskError(`row ${y} column ${x}: unexpected character ${JSON.stringify(c)}`);
      }
    }
  });
  return mask;
}

/** Inverse of maskFromRows ('1'/'0'); handy in assertion messages. */
export function maskToRows(mask: BinaryMask): string[] {
  const rows: string[] = [];
  for (let y = 0; y < mask.height; y++) {
    let row = "";
    for (let x = 0; x < mask.width; x++) row += mask.data[y * mask.width + x] !== 0 ? "1" : "0";
    rows.push(row);
  }
  return rows;
}
