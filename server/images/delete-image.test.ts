import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { deleteImage } from "./delete-image";
import { deleteImages } from "./delete-images";
import { importImage } from "./import-image";
import { readImageFile } from "./read-image-file";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

let manager: Actor;
let annotator: Actor;
let outsider: Actor;
let projectId: string;
let otherProjectId: string;
let bytesSeed = 300;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager", name: "Mia Manager" });
  annotator = await createTestUser({ name: "Ann Labeller" });
  outsider = await createTestUser({ role: "manager" });
  const members = [
    { actor: manager, role: "manager" as const },
    { actor: annotator, role: "annotator" as const },
  ];
  projectId = (await createTestProject({ members })).id;
  otherProjectId = (await createTestProject({ members })).id;
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function importOne(options: { projectId?: string; bytes?: Buffer; fileName?: string } = {}) {
  const bytes = options.bytes ?? (await makePng({ width: 20, height: 16, seed: bytesSeed++ }));
  const result = await importImage({ actor: manager, projectId: options.projectId ?? projectId, fileName: options.fileName ?? "photo.png", bytes });
  if (result.status !== "imported") throw new Error("expected imported");
  return { id: result.image.id, bytes };
}

async function addMasks(imageId: string, live: number, deleted: number) {
  const mask = { projectId, imageId, source: "manual" as const, rleCounts: "320", maskHeight: 16, maskWidth: 20, bbox: [0, 0, 20, 16], area: 320 };
  await db().annotation.createMany({ data: [...Array.from({ length: live }, () => mask), ...Array.from({ length: deleted }, () => ({ ...mask, deletedAt: new Date() }))] });
}

describe("deleteImage", () => {
  it("removes the image with its tasks and masks in one go, records it, and leaves other images alone", async () => {
    const doomed = await importOne({ fileName: "wrong-upload.png" });
    const kept = await importOne();
    await addMasks(doomed.id, 2, 1);
    await addMasks(kept.id, 1, 0);
    expect(await deleteImage({ actor: manager, imageId: doomed.id })).toEqual({ imageId: doomed.id, projectId, fileName: "wrong-upload.png", masks: 2 });
    expect(await db().image.count({ where: { id: doomed.id } })).toBe(0);
    expect(await db().task.count({ where: { imageId: doomed.id } })).toBe(0);
    expect(await db().annotation.count({ where: { imageId: doomed.id } })).toBe(0);
    expect(await db().annotation.count({ where: { imageId: kept.id } })).toBe(1);
    expect(await db().task.count({ where: { imageId: kept.id } })).toBeGreaterThan(0);
    const audit = await db().auditEvent.findFirst({ where: { action: "image.delete", targetId: doomed.id } });
    expect(audit).toMatchObject({ actorId: manager.id, projectId, data: { fileName: "wrong-upload.png", masks: 2 } });
    await expect(deleteImage({ actor: manager, imageId: doomed.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps the stored picture for another project's copy of it", async () => {
    const bytes = await makePng({ width: 22, height: 18, seed: 999 });
    const here = await importOne({ bytes });
    const there = await importOne({ bytes, projectId: otherProjectId });
    await deleteImage({ actor: manager, imageId: here.id });
    const file = await readImageFile({ actor: manager, imageId: there.id, variant: "original" });
    expect(Buffer.from(await new Response(file.stream).arrayBuffer())).toEqual(bytes);
  });

  it("is refused while someone holds the image under a live lease, and allowed once it ran out", async () => {
    const busy = await importOne();
    await db().task.updateMany({
      where: { imageId: busy.id, stage: "annotate" },
      data: { status: "in_progress", assigneeId: annotator.id, leaseExpiresAt: new Date(Date.now() + 60_000) },
    });
    await expect(deleteImage({ actor: manager, imageId: busy.id })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Ann Labeller is labelling photo.png right now"),
    });
    expect(await db().image.count({ where: { id: busy.id } })).toBe(1);
    await db().task.updateMany({ where: { imageId: busy.id, stage: "annotate" }, data: { leaseExpiresAt: new Date(Date.now() - 60_000) } });
    await expect(deleteImage({ actor: manager, imageId: busy.id })).resolves.toMatchObject({ imageId: busy.id });
  });

  it("lets only the project's managers delete, and tells others nothing about images they cannot see", async () => {
    const image = await importOne();
    await expect(deleteImage({ actor: annotator, imageId: image.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteImage({ actor: outsider, imageId: image.id })).rejects.toMatchObject({ code: "not_found", message: "Image not found." });
    await expect(deleteImage({ actor: manager, imageId: "no-such-image" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db().image.count({ where: { id: image.id } })).toBe(1);
  });
});

describe("deleteImages", () => {
  it("deletes a selection in one go with an audit record each, and reports ids that are not in the project", async () => {
    const a = await importOne({ fileName: "a.png" });
    const b = await importOne({ fileName: "b.png" });
    const elsewhere = await importOne({ projectId: otherProjectId });
    await addMasks(a.id, 1, 1);
    const result = await deleteImages({ actor: manager, projectId, imageIds: [a.id, b.id, a.id, elsewhere.id] });
    expect(result.deleted.sort((x, y) => x.fileName.localeCompare(y.fileName))).toEqual([
      { imageId: a.id, fileName: "a.png", masks: 1 },
      { imageId: b.id, fileName: "b.png", masks: 0 },
    ]);
    expect(result.missingIds).toEqual([elsewhere.id]);
    expect(await db().image.count({ where: { id: { in: [a.id, b.id] } } })).toBe(0);
    expect(await db().image.count({ where: { id: elsewhere.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "image.delete", targetId: { in: [a.id, b.id] } } })).toBe(2);
    await expect(deleteImages({ actor: manager, projectId, imageIds: [a.id] })).rejects.toMatchObject({ code: "not_found" });
  });

  it("deletes none of the selection while someone holds any of it, naming who and which", async () => {
    const images = [await importOne({ fileName: "x.png" }), await importOne({ fileName: "y.png" }), await importOne({ fileName: "z.png" })];
    const lease = { status: "in_progress" as const, assigneeId: annotator.id, leaseExpiresAt: new Date(Date.now() + 60_000) };
    await db().task.updateMany({ where: { imageId: { in: [images[0]!.id, images[1]!.id] }, stage: "annotate" }, data: lease });
    await expect(deleteImages({ actor: manager, projectId, imageIds: images.map((image) => image.id) })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Ann Labeller is working on 2 of these images right now (x.png, y.png)"),
    });
    expect(await db().image.count({ where: { id: { in: images.map((image) => image.id) } } })).toBe(3);
    await expect(deleteImages({ actor: annotator, projectId, imageIds: [images[2]!.id] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteImages({ actor: manager, projectId, imageIds: [images[2]!.id] })).resolves.toMatchObject({ deleted: [{ fileName: "z.png" }] });
  });
});
