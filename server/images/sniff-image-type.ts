// Identifies a file's real type from its first bytes. The browser-supplied
// MIME type and the file extension are whatever the client says, so they are
// never trusted: only these magic numbers decide what we try to decode.

export type ImageKind = "jpeg" | "png" | "webp" | "tiff" | "gif" | "avif" | "heic";

export type SniffResult =
  | { kind: "image"; format: ImageKind; mime: string }
  | { kind: "markup" } // SVG, HTML, XML: scriptable, never served back as an image
  | { kind: "text" }
  | { kind: "unknown" };

export const IMAGE_MIME: Record<ImageKind, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  tiff: "image/tiff",
  gif: "image/gif",
  avif: "image/avif",
  heic: "image/heic",
};

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((value, index) => bytes[index] === value);
}

const AVIF_BRANDS = new Set(["avif", "avis"]);
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);

/** ISO-BMFF `ftyp` box: major brand at 8..12, compatible brands after the minor version. */
function sniffHeif(bytes: Uint8Array): ImageKind | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return null;
  const boxSize = Math.min(((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return "avif";
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return "heic";
  return null;
}

function looksLikeMarkup(head: string): boolean {
  const trimmed = head.replace(/^\uFEFF/, "").trimStart().toLowerCase();
  return trimmed.startsWith("<") || trimmed.includes("<svg");
}

/** Printable UTF-8 (tabs and newlines allowed) with no NUL bytes: a text file. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024);
  if (sample.length === 0 || sample.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, lastCompleteUtf8(sample)));
  } catch {
    return false;
  }
  return !/[\x00-\x08\x0e-\x1f\x7f]/.test(text);
}

/** Drops a multi-byte character the 1 KiB sample may have cut in half. */
function lastCompleteUtf8(sample: Uint8Array): number {
  const end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = sample[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) return end - back; // lead byte of an unfinished sequence
    if ((byte & 0x80) === 0) break;
  }
  return end;
}

export function sniffImageType(bytes: Uint8Array): SniffResult {
  const image = (format: ImageKind): SniffResult => ({ kind: "image", format, mime: IMAGE_MIME[format] });
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return image("jpeg");
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image("png");
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return image("webp");
  // Classic TIFF (42) and BigTIFF (43), little- and big-endian.
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return image("tiff");
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])) return image("tiff");
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a")) return image("gif");
  const heif = sniffHeif(bytes);
  if (heif) return image(heif);
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 512));
  if (looksLikeMarkup(head)) return { kind: "markup" };
  if (looksLikeText(bytes)) return { kind: "text" };
  return { kind: "unknown" };
}
