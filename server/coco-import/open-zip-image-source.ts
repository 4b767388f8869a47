// The images of a COCO import, from an uploaded zip. Nothing is extracted to
// disk, but the archive is still checked as if it were: an entry whose name is
// absolute, climbs out with "..", or is a symbolic link rejects the whole
// upload (zip slip), because an archive built to escape its folder is hostile
// whatever we intend to do with it. Entries are read one at a time, each capped
// at the upload size limit (yauzl also checks the real size against the header).
import path from "node:path";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError } from "../errors/app-error";
import type { ImageSource } from "./image-source";

const MAX_ENTRIES = 100_000;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function zipError(reason: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError("bad_request", message, { reason, ...details });
}

/** Throws unless `name` (as stored in the zip) is a plain relative path. */
export function assertSafeZipEntryName(name: string): void {
  if (name.includes("\0")) throw zipError("zip_slip", `The zip entry "${name}" has a NUL character in its name.`, { entry: name });
  const normalised = name.replace(/\\/g, "/");
  if (normalised.startsWith("/") || /^[A-Za-z]:/.test(normalised) || path.isAbsolute(name)) {
    throw zipError("zip_slip", `The zip entry "${name}" has an absolute path; entries must stay inside the archive's folder.`, { entry: name });
  }
  if (normalised.split("/").includes("..")) {
    throw zipError("zip_slip", `The zip entry "${name}" contains ".." and would be written outside the target folder (zip slip).`, { entry: name });
  }
}

function isSymlink(entry: Entry): boolean {
  const madeByUnix = entry.versionMadeBy >> 8 === 3;
  return madeByUnix && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, yauzl.parseExtraFields(entry.extraFieldRaw), false);
}

async function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: Entry) => {
      try {
        if (entries.size >= MAX_ENTRIES) throw zipError("zip_too_many_entries", `The zip has more than ${MAX_ENTRIES} entries.`);
        const name = entryName(entry);
        assertSafeZipEntryName(name);
        if (isSymlink(entry)) {
          throw zipError("zip_symlink", `The zip entry "${name}" is a symbolic link; links are refused because they can point outside the target folder.`, { entry: name });
        }
        if (!name.endsWith("/")) entries.set(name.replace(/\\/g, "/"), entry);
        zip.readEntry();
      } catch (error) {
        reject(error);
      }
    });
    zip.readEntry();
  });
  return entries;
}

async function readEntry(zip: ZipFile, entry: Entry, name: string, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) {
    throw new AppError("payload_too_large", `${name}: The file is larger than the upload limit.`, { reason: "zip_entry_too_large", entry: name });
  }
  if (entry.isEncrypted()) throw zipError("zip_encrypted", `${name}: Encrypted zip entries are not supported.`, { entry: name });
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
    zip.openReadStream(entry, (error, readStream) => (error ? reject(error) : resolve(readStream)));
  });
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw zipError("zip_corrupt", `${name}: The zip entry could not be read (${error instanceof Error ? error.message : String(error)}).`, { entry: name });
  }
  return Buffer.concat(chunks);
}

/** A zip also lists its files (a YOLO dataset is found by its layout, not by a COCO file's names). */
export type ZipImageSource = ImageSource & { names(): string[] };

export async function openZipImageSource(options: { bytes: Uint8Array; maxEntryBytes: number }): Promise<ZipImageSource> {
  const buffer = Buffer.from(options.bytes.buffer, options.bytes.byteOffset, options.bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch (error) {
    throw zipError("zip_corrupt", `The images file is not a readable zip archive (${error instanceof Error ? error.message : String(error)}).`);
  }
  const entries = await listEntries(zip).catch((error: unknown) => {
    zip.close();
    if (error instanceof AppError) throw error;
    throw zipError("zip_corrupt", `The zip archive is damaged (${error instanceof Error ? error.message : String(error)}).`);
  });
  // Basename lookups: COCO file_name is usually bare while zips often add a folder.
  const byBase = new Map<string, string | null>();
  for (const name of entries.keys()) {
    const base = path.posix.basename(name);
    byBase.set(base, byBase.has(base) ? null : name);
  }
  const find = (fileName: string): string | null => {
    if (entries.has(fileName)) return fileName;
    return byBase.get(path.posix.basename(fileName)) ?? null;
  };
  return {
    describe: "the uploaded zip",
    names: () => [...entries.keys()],
    async has(fileName) {
      return find(fileName) !== null;
    },
    async read(fileName) {
      const name = find(fileName);
      const entry = name ? entries.get(name) : undefined;
      if (!name || !entry) throw zipError("missing_image", `${fileName}: Not found in the uploaded zip.`, { fileName });
      return readEntry(zip, entry, name, options.maxEntryBytes);
    },
    close() {
      zip.close();
    },
  };
}
