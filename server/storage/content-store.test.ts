import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setupTempDataDir } from "../testing/fixtures/image-test-project";
import {
  hasStoredFile,
  isStorageKey,
  objectKeyFor,
  openStoredStream,
  putObject,
  putThumbnail,
  readStoredBuffer,
  sha256Hex,
  storedFilePath,
  thumbnailKeyFor,
} from "./content-store";

const dataDir = setupTempDataDir();

async function streamToBuffer(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("content store", () => {
  it("stores bytes under objects/<sha[0:2]>/<sha> and reads them back", async () => {
    const bytes = Buffer.from("hello content store");
    const sha = sha256Hex(bytes);
    const stored = await putObject({ bytes });
    expect(stored).toEqual({ key: `objects/${sha.slice(0, 2)}/${sha}`, sha256: sha, byteSize: bytes.length, created: true });
    expect(storedFilePath(stored.key)).toBe(path.join(dataDir, "objects", sha.slice(0, 2), sha));
    expect(await readStoredBuffer(stored.key)).toEqual(bytes);
    const { stream, byteSize } = await openStoredStream(stored.key);
    expect(byteSize).toBe(bytes.length);
    expect(await streamToBuffer(stream)).toEqual(bytes);
  });

  it("does not rewrite an object that exists and leaves no temp files", async () => {
    const bytes = Buffer.from("written once");
    const first = await putObject({ bytes });
    const before = (await fs.stat(storedFilePath(first.key))).mtimeMs;
    const again = await Promise.all([putObject({ bytes }), putObject({ bytes })]);
    expect(again.map((result) => result.created)).toEqual([false, false]);
    expect((await fs.stat(storedFilePath(first.key))).mtimeMs).toBe(before);
    const dirEntries = await fs.readdir(path.dirname(storedFilePath(first.key)));
    expect(dirEntries.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("stores thumbnails by the source sha", async () => {
    const sha = sha256Hex(Buffer.from("source"));
    const stored = await putThumbnail({ sha256: sha, bytes: Buffer.from("webp bytes") });
    expect(stored.key).toBe(`thumbnails/${sha}.webp`);
    expect(stored.key).toBe(thumbnailKeyFor(sha));
    expect(await hasStoredFile(stored.key)).toBe(true);
  });

  it("accepts only keys of its own shape", () => {
    const sha = "a".repeat(64);
    expect(isStorageKey(objectKeyFor(sha))).toBe(true);
    expect(isStorageKey(thumbnailKeyFor(sha))).toBe(true);
    for (const bad of [
      `objects/bb/${sha}`, // prefix does not match the hash
      `objects/aa/${sha}/../../etc/passwd`,
      "../etc/passwd",
      `/objects/aa/${sha}`,
      `objects/aa/${"A".repeat(64)}`,
      `thumbnails/${sha}.png`,
      "",
    ]) {
      expect(isStorageKey(bad), bad).toBe(false);
    }
    expect(() => storedFilePath("../../etc/passwd")).toThrow(/Invalid storage key/);
    expect(() => objectKeyFor("../x")).toThrow();
  });

  it("reports a missing file as not_found", async () => {
    await expect(readStoredBuffer(objectKeyFor("b".repeat(64)))).rejects.toMatchObject({ code: "not_found" });
    await expect(openStoredStream(thumbnailKeyFor("c".repeat(64)))).rejects.toMatchObject({ code: "not_found" });
    expect(await hasStoredFile(objectKeyFor("b".repeat(64)))).toBe(false);
  });
});
