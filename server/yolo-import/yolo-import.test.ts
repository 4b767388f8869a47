// YOLO segmentation import: an export of this project's YOLO format (with
// images) imported into a new project gives back every mask pixel for pixel
// with its label; other layouts and bad files are named precisely and import
// nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countForeground, decodeRleToMask, maskToRows, rasterizePolygons } from "@/lib/mask";
import type { Actor } from "../auth/actor";
import { importCocoDataset } from "../coco-import/import-coco-dataset";
import { db } from "../db/client";
import { runExportJob } from "../exports/run-export-job";
import { startExport } from "../exports/start-export";
import { buildCocoFixture, makeZip, type CocoFixture } from "../exports/testing/coco-fixture";
import { stopQueue } from "../jobs/queue";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { TASK_STATUSES } from "@/lib/schemas/exports";
import { importYoloUpload } from "./import-yolo-upload";
import { readFile } from "node:fs/promises";

setupTempDataDir();

let manager: Actor;
let fixture: CocoFixture;
let yoloZip: Buffer;

function upload(projectId: string, zip: Buffer, field = "dataset"): Request {
  const form = new FormData();
  form.set(field, new Blob([new Uint8Array(zip)], { type: "application/zip" }), "dataset.zip");
  return new Request(`http://localhost/api/projects/${projectId}/yolo-import`, { method: "POST", body: form });
}

async function storedMasks(projectId: string) {
  const rows = await db().annotation.findMany({ where: { projectId, deletedAt: null }, include: { image: true, labelClass: true } });
  return rows
    .map((row) => ({ file: row.image.fileName, label: row.labelClass?.name ?? null, source: row.source, rows: maskToRows(decodeRleToMask({ size: [row.maskHeight, row.maskWidth], counts: row.rleCounts })).join("\n") }))
    .sort((a, b) => `${a.file}${a.rows}`.localeCompare(`${b.file}${b.rows}`));
}

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  const sourceProject = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
  fixture = await buildCocoFixture();
  const images = await makeZip(fixture.images.map((image) => ({ name: `images/${image.fileName}`, bytes: image.bytes })));
  await importCocoDataset({ actor: manager, projectId: sourceProject, json: Buffer.from(JSON.stringify(fixture.json)), zip: images });
  const started = await startExport({ actor: manager, projectId: sourceProject, input: { format: "yolo", includeImages: true, statuses: [...TASK_STATUSES] } });
  expect((await runExportJob({ exportId: started.id })).status).toBe("done");
  yoloZip = await readFile(storedFilePath(exportKeyFor(started.id)));
  (globalThis as { sourceProject?: string }).sourceProject = sourceProject;
});

afterAll(async () => {
  await stopQueue();
});

describe("YOLO import", () => {
  it("imports this project's own YOLO export back exactly: images, label classes in order, every mask", async () => {
    const sourceProject = (globalThis as { sourceProject?: string }).sourceProject!;
    const target = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    const result = await importYoloUpload({ actor: manager, projectId: target, request: upload(target, yoloZip) });
    expect(result).toMatchObject({ format: "yolo", images: fixture.images.length, imagesImported: fixture.images.length, annotations: fixture.objects.length, emptyPolygons: 0 });
    const classes = await db().labelClass.findMany({ where: { projectId: target }, orderBy: { position: "asc" }, select: { name: true } });
    const sourceClasses = await db().labelClass.findMany({ where: { projectId: sourceProject }, orderBy: { position: "asc" }, select: { name: true } });
    expect(classes).toEqual(sourceClasses);
    const expected = (await storedMasks(sourceProject)).map((mask) => ({ ...mask, source: "import" }));
    expect(await storedMasks(target)).toEqual(expected);
    expect(await db().auditEvent.count({ where: { projectId: target, action: "coco.import" } })).toBe(1);
  });

  it("reads split folders with a data.yaml list, and names a bad line without importing anything", async () => {
    const target = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    const [first, second] = fixture.images;
    const square = "0 0.1 0.1 0.5 0.1 0.5 0.5 0.1 0.5\n";
    const good = await makeZip([
      { name: "data.yaml", bytes: Buffer.from("train: train/images\nnames: ['thing', 'other thing']\n") },
      { name: "train/images/a.png", bytes: first!.bytes },
      { name: "train/labels/a.txt", bytes: Buffer.from(square) },
      { name: "valid/images/b.png", bytes: second!.bytes },
      { name: "__MACOSX/valid/images/._b.png", bytes: Buffer.from("junk") },
    ]);
    const result = await importYoloUpload({ actor: manager, projectId: target, request: upload(target, good) });
    expect(result).toMatchObject({ images: 2, annotations: 1, labelClassesCreated: ["thing", "other thing"] });
    const [mask] = await db().annotation.findMany({ where: { projectId: target } });
    const width = first!.width;
    const height = first!.height;
    const expected = rasterizePolygons([[0.1 * width, 0.1 * height, 0.5 * width, 0.1 * height, 0.5 * width, 0.5 * height, 0.1 * width, 0.5 * height]], width, height);
    expect(countForeground(expected)).toBeGreaterThan(4);
    expect(maskToRows(decodeRleToMask({ size: [mask!.maskHeight, mask!.maskWidth], counts: mask!.rleCounts }))).toEqual(maskToRows(expected));

    const other = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    const bad = await makeZip([
      { name: "classes.txt", bytes: Buffer.from("thing\n") },
      { name: "images/a.png", bytes: first!.bytes },
      { name: "labels/a.txt", bytes: Buffer.from(`${square}0 0.5 0.5 0.2 0.2\n`) },
    ]);
    await expect(importYoloUpload({ actor: manager, projectId: other, request: upload(other, bad) })).rejects.toMatchObject({
      code: "bad_request",
      message: "labels/a.txt, line 2: it has 4 numbers, a YOLO detection box (cx cy w h), not a segmentation polygon. Import YOLO segmentation labels (at least 3 points).",
    });
    const wrongClass = await makeZip([
      { name: "classes.txt", bytes: Buffer.from("thing\n") },
      { name: "images/a.png", bytes: first!.bytes },
      { name: "labels/a.txt", bytes: Buffer.from("3 0.1 0.1 0.5 0.1 0.5 0.5\n") },
      { name: "labels/lost.txt", bytes: Buffer.from(square) },
    ]);
    await expect(importYoloUpload({ actor: manager, projectId: other, request: upload(other, wrongClass) })).rejects.toMatchObject({ message: "1 label file(s) have no image in the zip: labels/lost.txt." });
    expect(await db().image.count({ where: { projectId: other } })).toBe(0);
    expect(await db().labelClass.count({ where: { projectId: other } })).toBe(0);
  });

  it("refuses non-managers before reading the body, and a form without the zip", async () => {
    const annotator = await createTestUser();
    const target = (await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] })).id;
    await expect(importYoloUpload({ actor: annotator, projectId: target, request: upload(target, yoloZip) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(importYoloUpload({ actor: manager, projectId: target, request: upload(target, yoloZip, "images") })).rejects.toMatchObject({ message: 'Attach the YOLO dataset as a zip in a field named "dataset".' });
    await expect(
      importYoloUpload({ actor: manager, projectId: target, request: new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }) }),
    ).rejects.toMatchObject({ code: "unsupported_media_type" });
  });
});
