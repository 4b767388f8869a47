// Validates one uploaded file before anything is stored: size, real type (from
// magic bytes), pixel count (from the header, before any pixels are decoded,
// so a decompression bomb never allocates), then a full decode to catch
// truncated or corrupt files that would break thumbnails and the encoder
// later. Every rejection names the file, because uploads come in batches and
// the user must see which file failed and why.
import sharp, { type Metadata } from "sharp";
import { appConfig } from "../config/app-config";
import { AppError } from "../errors/app-error";
import { sha256Hex } from "../storage/content-store";
import { sniffImageType, type ImageKind } from "./sniff-image-type";

export type InspectedImage = { sha256: string; mime: string; width: number; height: number; byteSize: number };

const ACCEPTED = "JPEG, PNG, WebP, TIFF, GIF or AVIF";

// What sharp's metadata().format reports for each sniffed kind.
const SHARP_FORMAT: Record<ImageKind, string> = {
  jpeg: "jpeg",
  png: "png",
  webp: "webp",
  tiff: "tiff",
  gif: "gif",
  avif: "heif",
  heic: "heif",
};

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function decoderDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // libvips messages can span lines and end in a dangling colon; keep one tidy line.
  const line = message.split("\n").map((part) => part.trim()).filter(Boolean).join(" ").replace(/[:\s]+$/, "");
  return line.slice(0, 200) || "unknown decoder error";
}

function corrupt(fileName: string, error: unknown): AppError {
  const detail = decoderDetail(error);
  return new AppError("bad_request", `${fileName}: The file is truncated or corrupt (${detail}).`, { fileName, detail });
}

/** Exported for callers that know the size before reading the bytes (folder import). */
export function assertUploadSize(options: { fileName: string; byteSize: number; maxUploadBytes?: number }): void {
  const { fileName, byteSize } = options;
  const maxUploadBytes = options.maxUploadBytes ?? appConfig().maxUploadBytes;
  if (byteSize === 0) throw new AppError("bad_request", `${fileName}: The file is empty.`, { fileName });
  if (byteSize > maxUploadBytes) {
    throw new AppError(
      "payload_too_large",
      `${fileName}: The file is ${formatBytes(byteSize)}; the upload limit is ${formatBytes(maxUploadBytes)}.`,
      { fileName, byteSize, maxUploadBytes },
    );
  }
}

function sniffOrReject(fileName: string, bytes: Uint8Array): { format: ImageKind; mime: string } {
  const sniffed = sniffImageType(bytes);
  if (sniffed.kind === "image") return sniffed;
  const reason =
    sniffed.kind === "markup"
      ? `is an SVG, HTML or XML file. Vector and markup files are not accepted; upload a raster image (${ACCEPTED}).`
      : sniffed.kind === "text"
        ? `is a text file, not an image. Accepted formats: ${ACCEPTED}.`
        : `is not an image in a supported format. Accepted formats: ${ACCEPTED}.`;
  throw new AppError("unsupported_media_type", `${fileName}: The file ${reason}`, { fileName });
}

export async function inspectImageFile(options: {
  fileName: string;
  bytes: Uint8Array;
  maxUploadBytes?: number;
  maxImagePixels?: number;
}): Promise<InspectedImage> {
  const { fileName, bytes } = options;
  const maxUploadBytes = options.maxUploadBytes ?? appConfig().maxUploadBytes;
  const maxImagePixels = options.maxImagePixels ?? appConfig().maxImagePixels;

  assertUploadSize({ fileName, byteSize: bytes.byteLength, maxUploadBytes });
  const { format, mime } = sniffOrReject(fileName, bytes);

  // Header only: no pixel buffers are allocated, whatever the image claims.
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw corrupt(fileName, error);
  }
  if (metadata.format !== SHARP_FORMAT[format] || !metadata.width || !metadata.height) {
    throw corrupt(fileName, new Error(`header does not describe a ${format.toUpperCase()} image`));
  }
  // Multi-frame GIF/WebP/TIFF: only the first frame is used, and that is what is decoded.
  const frameHeight = metadata.pageHeight ?? metadata.height;
  const pixels = metadata.width * frameHeight;
  if (pixels > maxImagePixels) {
    throw new AppError(
      "payload_too_large",
      `${fileName}: The image is ${metadata.width} × ${frameHeight} = ${pixels.toLocaleString("en-US")} pixels; the limit is ${maxImagePixels.toLocaleString("en-US")} pixels.`,
      { fileName, width: metadata.width, height: frameHeight, pixels, maxImagePixels },
    );
  }

  // Decode every pixel once (stats() streams; no output buffer) so a cut-off
  // or damaged file fails here, with a message, rather than in a job later.
  try {
    await sharp(bytes, { failOn: "error", limitInputPixels: maxImagePixels, sequentialRead: true }).stats();
  } catch (error) {
    if (format === "heic") {
      throw new AppError(
        "unsupported_media_type",
        `${fileName}: HEIC images cannot be decoded by this server (${decoderDetail(error)}). Convert it to JPEG or PNG and upload again.`,
        { fileName },
      );
    }
    throw corrupt(fileName, error);
  }

  // Record the size as displayed: EXIF orientations 5-8 swap width and height.
  const swap = (metadata.orientation ?? 1) >= 5;
  return {
    sha256: sha256Hex(bytes),
    mime,
    width: swap ? frameHeight : metadata.width,
    height: swap ? metadata.width : frameHeight,
    byteSize: bytes.byteLength,
  };
}
