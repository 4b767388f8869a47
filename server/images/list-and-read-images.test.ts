import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { importImage } from "./import-image";
import { listProjectImages } from "./list-project-images";
import { makeThumbnail } from "./make-thumbnail";
import { readImageFile } from "./read-image-file";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

let manager: Actor;
let annotator: Actor;
let outsider: Actor;
let projectId: string;
const imported: { id: string; bytes: Buffer; sha256: string }[] = [];

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  annotator = await createTestUser();
  outsider = await createTestUser({ role: "manager" });
  projectId = (
    await createTestProject({
      members: [
        { actor: manager, role: "manager" },
        { actor: annotator, role: "annotator" },
      ],
    })
  ).id;
  for (let n = 0; n < 5; n += 1) {
    const bytes = await makePng({ width: 30 + n, height: 20, seed: 40 + n });
    const result = await importImage({ actor: manager, projectId, fileName: `img-${n}.png`, bytes });
    if (result.status !== "imported") throw new Error("expected imported");
    imported.push({ id: result.image.id, bytes, sha256: result.image.sha256 });
  }
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("listProjectImages", () => {
  it("pages in import order with totals, thumbnail state and annotate status", async () => {
    const first = await listProjectImages({ actor: annotator, projectId, page: 1, pageSize: 2 });
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 5, pageCount: 3 });
    expect(first.items.map((item) => item.fileName)).toEqual(["img-0.png", "img-1.png"]);
    expect(first.items[0]).toMatchObject({ thumbnailReady: false, annotateStatus: "todo", width: 30, height: 20, fileUrl: `/api/images/${imported[0]?.id}/file` });
    expect(first.items[0]).not.toHaveProperty("storageKey");
    const last = await listProjectImages({ actor: annotator, projectId, page: 3, pageSize: 2 });
    expect(last.items.map((item) => item.fileName)).toEqual(["img-4.png"]);
    const beyond = await listProjectImages({ actor: annotator, projectId, page: 9, pageSize: 2 });
    expect(beyond.items).toEqual([]);
  });

  it("shows a thumbnail as ready once the job ran, and a task's new status", async () => {
    const target = imported[1];
    if (!target) throw new Error("fixture missing");
    await makeThumbnail({ imageId: target.id });
    await db().task.updateMany({ where: { imageId: target.id, stage: "annotate" }, data: { status: "in_progress" } });
    const page = await listProjectImages({ actor: manager, projectId, page: 1, pageSize: 10 });
    expect(page.items.find((item) => item.id === target.id)).toMatchObject({ thumbnailReady: true, annotateStatus: "in_progress" });
  });

  it("counts each image's live masks and its pre-fills nobody accepted yet", async () => {
    const target = imported[2];
    if (!target) throw new Error("fixture missing");
    const label = await db().labelClass.create({ data: { projectId, name: "thing", color: "#22cc88" } });
    const mask = { projectId, imageId: target.id, rleCounts: "0", maskHeight: 20, maskWidth: 32, bbox: [1, 1, 4, 4], area: 16 };
    await db().annotation.createMany({
      data: [
        { ...mask, source: "manual", labelClassId: label.id },
        { ...mask, source: "prefill" },
        { ...mask, source: "prefill" },
        { ...mask, source: "prefill", labelClassId: label.id }, // accepted
        { ...mask, source: "prefill", deletedAt: new Date() }, // deleted: not counted
      ],
    });
    const page = await listProjectImages({ actor: annotator, projectId, page: 1, pageSize: 10 });
    expect(page.items.find((item) => item.id === target.id)).toMatchObject({ maskCount: 4, pendingPrefillCount: 2 });
    expect(page.items.find((item) => item.id === imported[0]?.id)).toMatchObject({ maskCount: 0, pendingPrefillCount: 0, masksChangedAt: 0 });
    // An edit that keeps the count still names a new overlay: the latest change moves on.
    const before = page.items.find((item) => item.id === target.id)!.masksChangedAt;
    expect(before).toBeGreaterThan(0);
    const edited = await db().annotation.findFirstOrThrow({ where: { imageId: target.id, source: "manual" } });
    await db().annotation.update({ where: { id: edited.id }, data: { area: 17, updatedAt: new Date(before + 1000) } });
    const after = await listProjectImages({ actor: annotator, projectId, page: 1, pageSize: 10 });
    expect(after.items.find((item) => item.id === target.id)).toMatchObject({ maskCount: 4, masksChangedAt: before + 1000 });
  });

  it("answers not_found to non-members", async () => {
    await expect(listProjectImages({ actor: outsider, projectId })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("readImageFile", () => {
  it("streams the original to any member with its mime type and sha ETag", async () => {
    const target = imported[0];
    if (!target) throw new Error("fixture missing");
    const file = await readImageFile({ actor: annotator, imageId: target.id, variant: "original" });
    expect(file).toMatchObject({ mime: "image/png", etag: `"${target.sha256}"`, byteSize: target.bytes.length });
    expect(await readAll(file.stream)).toEqual(target.bytes);
  });

  it("serves the thumbnail once ready, and says not ready before", async () => {
    const target = imported[2];
    if (!target) throw new Error("fixture missing");
    await expect(readImageFile({ actor: annotator, imageId: target.id, variant: "thumbnail" })).rejects.toMatchObject({
      code: "not_found",
      message: "The thumbnail is not ready yet.",
    });
    await makeThumbnail({ imageId: target.id });
    const thumb = await readImageFile({ actor: annotator, imageId: target.id, variant: "thumbnail" });
    expect(thumb.mime).toBe("image/webp");
    const bytes = await readAll(thumb.stream);
    expect(bytes.subarray(8, 12).toString("ascii")).toBe("WEBP");
  });

  it("gives non-members the same not_found as a missing image", async () => {
    const target = imported[0];
    if (!target) throw new Error("fixture missing");
    const forOutsider = readImageFile({ actor: outsider, imageId: target.id, variant: "original" });
    await expect(forOutsider).rejects.toMatchObject({ code: "not_found", message: "Image not found." });
    await expect(readImageFile({ actor: outsider, imageId: "missing", variant: "original" })).rejects.toMatchObject({
      code: "not_found",
      message: "Image not found.",
    });
  });
});
