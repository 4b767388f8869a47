import fs from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { storedFilePath, thumbnailKeyFor } from "../storage/content-store";
import { makeJpeg, makePng, makeRotatedJpeg } from "../testing/fixtures/images";
import { groupNearDuplicates, hammingDistance, isDhash } from "@/lib/images/near-duplicates";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { importImage } from "./import-image";
import { makeThumbnail } from "./make-thumbnail";
import { computeDhash } from "./compute-dhash";
import { closeTestDb } from "../testing/close-test-db";

/** Vertical stripes: nothing like the fixtures' ellipse. */
function stripes(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.fill(Math.floor((i % width) / 37) % 2 === 0 ? 230 : 20, i * 3, i * 3 + 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

setupTempDataDir();

let manager: Actor;
let projectId: string;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function importBytes(bytes: Buffer, id = projectId): Promise<{ id: string; sha256: string }> {
  const result = await importImage({ actor: manager, projectId: id, fileName: "t.png", bytes });
  if (result.status !== "imported") throw new Error("expected a fresh import");
  return result.image;
}

describe("makeThumbnail", () => {
  it("writes a 320 px WebP by content hash and records its key", async () => {
    const image = await importBytes(await makePng({ width: 1000, height: 500, seed: 11 }));
    const result = await makeThumbnail({ imageId: image.id });
    expect(result).toEqual({ status: "created", thumbnailKey: thumbnailKeyFor(image.sha256) });
    const meta = await sharp(await fs.readFile(storedFilePath(thumbnailKeyFor(image.sha256)))).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 320, 160]);
    const row = await db().image.findUniqueOrThrow({ where: { id: image.id } });
    expect(row.thumbnailKey).toBe(thumbnailKeyFor(image.sha256));
  });

  it("is idempotent: a second run skips and leaves the file alone", async () => {
    const image = await importBytes(await makePng({ width: 400, height: 400, seed: 12 }));
    await makeThumbnail({ imageId: image.id });
    const filePath = storedFilePath(thumbnailKeyFor(image.sha256));
    const mtime = (await fs.stat(filePath)).mtimeMs;
    await expect(makeThumbnail({ imageId: image.id })).resolves.toEqual({
      status: "skipped",
      reason: "already_done",
      thumbnailKey: thumbnailKeyFor(image.sha256),
    });
    expect((await fs.stat(filePath)).mtimeMs).toBe(mtime);
  });

  it("re-renders when the recorded thumbnail file has gone missing", async () => {
    const image = await importBytes(await makePng({ width: 100, height: 50, seed: 13 }));
    await makeThumbnail({ imageId: image.id });
    await fs.rm(storedFilePath(thumbnailKeyFor(image.sha256)));
    await expect(makeThumbnail({ imageId: image.id })).resolves.toMatchObject({ status: "created" });
    const meta = await sharp(await fs.readFile(storedFilePath(thumbnailKeyFor(image.sha256)))).metadata();
    // Smaller than 320 px: never enlarged.
    expect([meta.width, meta.height]).toEqual([100, 50]);
  });

  it("applies EXIF orientation", async () => {
    const image = await importBytes(await makeRotatedJpeg({ width: 640, height: 320 }));
    await makeThumbnail({ imageId: image.id });
    const meta = await sharp(await fs.readFile(storedFilePath(thumbnailKeyFor(image.sha256)))).metadata();
    expect([meta.width, meta.height]).toEqual([160, 320]);
  });

  it("reuses the thumbnail of identical bytes in another project", async () => {
    const bytes = await makePng({ width: 700, height: 350, seed: 14 });
    const first = await importBytes(bytes);
    await makeThumbnail({ imageId: first.id });
    const mtime = (await fs.stat(storedFilePath(thumbnailKeyFor(first.sha256)))).mtimeMs;
    const otherProject = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    const second = await importBytes(bytes, otherProject.id);
    await expect(makeThumbnail({ imageId: second.id })).resolves.toMatchObject({ status: "created" });
    expect((await fs.stat(storedFilePath(thumbnailKeyFor(first.sha256)))).mtimeMs).toBe(mtime);
    expect((await db().image.findUniqueOrThrow({ where: { id: second.id } })).thumbnailKey).toBe(thumbnailKeyFor(first.sha256));
  });

  it("skips an image deleted after the job was queued", async () => {
    await expect(makeThumbnail({ imageId: "deleted-image" })).resolves.toEqual({ status: "skipped", reason: "image_deleted" });
  });

  it("records the picture's difference hash, which a resized, re-encoded copy shares and another picture does not", async () => {
    const original = await importBytes(await makePng({ width: 1000, height: 500, seed: 31 }));
    const copy = await importBytes(await makeJpeg({ width: 640, height: 320, seed: 35 }));
    const other = await importBytes(await stripes(1000, 500));
    for (const image of [original, copy, other]) await makeThumbnail({ imageId: image.id });
    const hashes = await Promise.all([original, copy, other].map(async (image) => (await db().image.findUniqueOrThrow({ where: { id: image.id } })).dhash));
    expect(hashes.every(isDhash)).toBe(true);
    expect(hammingDistance(hashes[0]!, hashes[1]!)).toBeLessThanOrEqual(4);
    expect(hammingDistance(hashes[0]!, hashes[2]!)).toBeGreaterThan(10);
  });

  it("records the hash of the picture turned 90°, which a turned copy's own hash is close to", async () => {
    const bytes = await makePng({ width: 800, height: 500, seed: 33 });
    const original = await importBytes(bytes);
    const turned = await importBytes(await sharp(bytes).rotate(90).png().toBuffer());
    for (const image of [original, turned]) await makeThumbnail({ imageId: image.id });
    const [a, b] = await Promise.all([original, turned].map((image) => db().image.findUniqueOrThrow({ where: { id: image.id } })));
    expect(isDhash(a!.dhashTurned)).toBe(true);
    expect(hammingDistance(a!.dhashTurned!, b!.dhash!)).toBeLessThanOrEqual(8);
    expect(groupNearDuplicates([a!, b!])).toEqual([[a!.id, b!.id]]);
  });

  it("adds the hash to an image whose thumbnail was made before hashes existed", async () => {
    const image = await importBytes(await makePng({ width: 300, height: 200, seed: 41 }));
    await makeThumbnail({ imageId: image.id });
    const expected = (await db().image.findUniqueOrThrow({ where: { id: image.id } })).dhash;
    const expectedTurned = (await db().image.findUniqueOrThrow({ where: { id: image.id } })).dhashTurned;
    await db().image.update({ where: { id: image.id }, data: { dhash: null, dhashTurned: null } });
    await expect(makeThumbnail({ imageId: image.id })).resolves.toMatchObject({ status: "skipped", reason: "already_done" });
    expect((await db().image.findUniqueOrThrow({ where: { id: image.id } })).dhash).toBe(expected);
    expect((await db().image.findUniqueOrThrow({ where: { id: image.id } })).dhashTurned).toBe(expectedTurned);
    expect(expected).toBe(await computeDhash(await fs.readFile(storedFilePath(thumbnailKeyFor(image.sha256)))));
  });
});
