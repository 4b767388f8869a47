// Content-addressed file storage under the data directory:
//   objects/<sha[0:2]>/<sha>      original uploads, named by the SHA-256 of their bytes
//   thumbnails/<sha>.webp         derived thumbnails, named by the source image's SHA-256
//   embeddings/<model>/<sha>.mwem compact SAM image embeddings, per (model id, image SHA-256)
//   exports/<exportId>.zip        dataset export archives (not content-addressed: one per Export row)
//   detectors/<versionId>.json    trained detector head weights (one per DetectorVersion row)
// Keys are relative paths stored in the database. Because a key fully
// determines its path, every key is validated against these two shapes before
// it touches the file system: a key never reaches `path.join` unchecked.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { appConfig } from "../config/app-config";
import { AppError } from "../errors/app-error";

const SHA256_RE = /^[0-9a-f]{64}$/;
const OBJECT_KEY_RE = /^objects\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const THUMBNAIL_KEY_RE = /^thumbnails\/[0-9a-f]{64}\.webp$/;
const MODEL_ID_RE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const EMBEDDING_KEY_RE = /^embeddings\/[a-z0-9][a-z0-9._-]{0,63}\/[0-9a-f]{64}\.mwem$/;
const EXPORT_ID_RE = /^[a-z0-9]{8,64}$/;
const EXPORT_KEY_RE = /^exports\/[a-z0-9]{8,64}\.zip$/;
const DETECTOR_KEY_RE = /^detectors\/[a-z0-9]{8,64}\.json$/;

export type StoredFile = { key: string; sha256: string; byteSize: number; created: boolean };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function assertSha256(sha256: string): void {
  if (!SHA256_RE.test(sha256)) throw new Error(`Not a lowercase hex SHA-256: ${JSON.stringify(sha256)}`);
}

export function objectKeyFor(sha256: string): string {
  assertSha256(sha256);
  return `objects/${sha256.slice(0, 2)}/${sha256}`;
}

export function thumbnailKeyFor(sha256: string): string {
  assertSha256(sha256);
  return `thumbnails/${sha256}.webp`;
}

export function embeddingKeyFor(options: { modelId: string; imageSha256: string }): string {
  assertSha256(options.imageSha256);
  if (!MODEL_ID_RE.test(options.modelId) || options.modelId.includes("..")) {
    throw new Error(`Invalid model id for storage: ${JSON.stringify(options.modelId)}`);
  }
  return `embeddings/${options.modelId}/${options.imageSha256}.mwem`;
}

/** Key of an export archive; the id is a cuid, so the key never needs escaping. */
export function exportKeyFor(exportId: string): string {
  if (!EXPORT_ID_RE.test(exportId)) throw new Error(`Invalid export id for storage: ${JSON.stringify(exportId)}`);
  return `exports/${exportId}.zip`;
}

/** Key of a detector version's weights; the id is a cuid. */
export function detectorWeightsKeyFor(versionId: string): string {
  if (!EXPORT_ID_RE.test(versionId)) throw new Error(`Invalid detector version id for storage: ${JSON.stringify(versionId)}`);
  return `detectors/${versionId}.json`;
}

/** True only for keys this store produces; anything else (`..`, absolute, odd names) is refused. */
export function isStorageKey(key: string): boolean {
  const object = OBJECT_KEY_RE.exec(key);
  if (object) return object[2]?.startsWith(object[1] ?? "-") ?? false;
  return THUMBNAIL_KEY_RE.test(key) || EXPORT_KEY_RE.test(key) || DETECTOR_KEY_RE.test(key) || (EMBEDDING_KEY_RE.test(key) && !key.includes(".."));
}

function pathForKey(key: string): string {
  if (!isStorageKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  return path.join(appConfig().dataDir, ...key.split("/"));
}

async function fileSize(filePath: string): Promise<number | null> {
  try {
    const stat = await fs.stat(filePath);
    return stat.isFile() ? stat.size : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Writes bytes to `key` atomically: a temp file in the same directory (same
 * file system, so rename is atomic), fsynced, then renamed over the target.
 * Readers never see a half-written file; a concurrent writer of the same key
 * writes identical bytes, so whichever rename wins is correct. An existing
 * file is not rewritten.
 */
async function writeKeyAtomically(key: string, bytes: Uint8Array): Promise<boolean> {
  const target = pathForKey(key);
  if ((await fileSize(target)) === bytes.byteLength) return false;
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await fs.open(temp, "wx", 0o640);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return true;
}

/** Stores an original upload under its SHA-256; returns the key and whether it was new. */
export async function putObject(options: { bytes: Uint8Array }): Promise<StoredFile> {
  const sha256 = sha256Hex(options.bytes);
  const key = objectKeyFor(sha256);
  const created = await writeKeyAtomically(key, options.bytes);
  return { key, sha256, byteSize: options.bytes.byteLength, created };
}

/** Stores the thumbnail derived from the image whose content hash is `sha256`. */
export async function putThumbnail(options: { sha256: string; bytes: Uint8Array }): Promise<StoredFile> {
  const key = thumbnailKeyFor(options.sha256);
  const created = await writeKeyAtomically(key, options.bytes);
  return { key, sha256: options.sha256, byteSize: options.bytes.byteLength, created };
}

/** Stores a compact embedding (lib/embedding/compact-embedding) for (model, image). */
export async function putEmbedding(options: { modelId: string; imageSha256: string; bytes: Uint8Array }): Promise<StoredFile> {
  const key = embeddingKeyFor(options);
  const created = await writeKeyAtomically(key, options.bytes);
  return { key, sha256: options.imageSha256, byteSize: options.bytes.byteLength, created };
}

/** Stores a detector version's weights file (written once per version). */
export async function putDetectorWeights(options: { versionId: string; bytes: Uint8Array }): Promise<StoredFile> {
  const key = detectorWeightsKeyFor(options.versionId);
  const created = await writeKeyAtomically(key, options.bytes);
  return { key, sha256: sha256Hex(options.bytes), byteSize: options.bytes.byteLength, created };
}

export async function hasStoredFile(key: string): Promise<boolean> {
  return (await fileSize(pathForKey(key))) !== null;
}

function missing(key: string): AppError {
  return new AppError("not_found", "The stored file is missing.", { key });
}

export async function readStoredBuffer(key: string): Promise<Buffer> {
  try {
    return await fs.readFile(pathForKey(key));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw missing(key);
    throw error;
  }
}

/** A web stream of the file (for a Response body) and its size (for Content-Length). */
export async function openStoredStream(key: string): Promise<{ stream: ReadableStream<Uint8Array>; byteSize: number }> {
  const filePath = pathForKey(key);
  // Open first so a missing file is an error here, not a broken response body later.
  const handle = await fs.open(filePath, "r").catch((error: NodeJS.ErrnoException) => {
    throw error.code === "ENOENT" ? missing(key) : error;
  });
  const { size } = await handle.stat();
  const nodeStream = handle.createReadStream({ autoClose: true });
  // Node's web-stream type and the DOM one are the same object at runtime.
  const stream = Readable.toWeb(nodeStream) as unknown as ReadableStream<Uint8Array>;
  return { stream, byteSize: size };
}

/** Removes a stored file (export archives expire); a missing file is not an error. */
export async function deleteStoredFile(key: string): Promise<void> {
  await fs.rm(pathForKey(key), { force: true });
}

/** Absolute path of a key, for tests and maintenance scripts. */
export function storedFilePath(key: string): string {
  return pathForKey(key);
}
