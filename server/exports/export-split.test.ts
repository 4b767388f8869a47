// Train / val / test split exports on real Postgres: each part is a folder laid
// out like a whole export, every image lands in exactly one part with the
// counted sizes, the same seed repeats the split, and a split YOLO export
// (Roboflow's layout) imports back into a new project mask for mask.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeRleToMask, maskToRows } from "@/lib/mask";
import { TASK_STATUSES, type StartExportInput } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { importCocoDataset } from "../coco-import/import-coco-dataset";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { importYoloUpload } from "../yolo-import/import-yolo-upload";
import { readFile } from "node:fs/promises";
import { runExportJob } from "./run-export-job";
import { startExport } from "./start-export";
import { buildCocoFixture, makeZip, readZip } from "./testing/coco-fixture";
import { assignExportSplits } from "./assign-export-splits";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

const FIXTURES = 5;
let manager: Actor;
let projectId: string;
let imageCount = 0;
let maskCount = 0;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
  // Five fixtures with distinct file names: 10 images, 30 labelled masks.
  for (let seed = 0; seed < FIXTURES; seed++) {
    const fixture = await buildCocoFixture({ seed });
    const zip = await makeZip(fixture.images.map((image) => ({ name: `images/${image.fileName}`, bytes: image.bytes })));
    // Distinct COCO ids too, so the exports keep them rather than renumbering.
    const source = fixture.json as { images: { id: number }[]; annotations: { id: number; image_id: number }[] };
    const json = {
      ...fixture.json,
      images: source.images.map((image) => ({ ...image, id: image.id + seed * 100 })),
      annotations: source.annotations.map((annotation) => ({ ...annotation, id: annotation.id + seed * 10_000, image_id: annotation.image_id + seed * 100 })),
    };
    await importCocoDataset({ actor: manager, projectId, json: Buffer.from(JSON.stringify(json)), zip });
    imageCount += fixture.images.length;
    maskCount += fixture.objects.length;
  }
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

async function exportFiles(input: StartExportInput): Promise<{ files: Map<string, Buffer>; zip: Buffer }> {
  const started = await startExport({ actor: manager, projectId, input });
  expect((await runExportJob({ exportId: started.id })).status).toBe("done");
  const filePath = storedFilePath(exportKeyFor(started.id));
  return { files: await readZip(filePath), zip: await readFile(filePath) };
}

type CocoPart = { images: { id: number; file_name: string }[]; annotations: { image_id: number }[] };

function cocoParts(files: Map<string, Buffer>): Record<string, CocoPart> {
  const parts: Record<string, CocoPart> = {};
  for (const [name, bytes] of files) {
    const match = /^(train|val|test)\/annotations\/instances\.json$/.exec(name);
    if (match) parts[match[1]!] = JSON.parse(bytes.toString("utf8")) as CocoPart;
  }
  return parts;
}

async function storedMasks(target: string) {
  const rows = await db().annotation.findMany({ where: { projectId: target, deletedAt: null }, include: { image: true, labelClass: true } });
  return rows
    .map((row) => `${row.image.fileName} ${row.labelClass?.name ?? "-"}\n${maskToRows(decodeRleToMask({ size: [row.maskHeight, row.maskWidth], counts: row.rleCounts })).join("\n")}`)
    .sort();
}

describe("split exports", () => {
  it("COCO: one folder per part with its own instances.json and images, every image in exactly one part", async () => {
    const split = { train: 60, val: 20, test: 20, seed: 3 };
    const { files } = await exportFiles({ format: "coco", statuses: [...TASK_STATUSES], includeImages: true, split });
    expect(files.has("annotations/instances.json")).toBe(false);
    const parts = cocoParts(files);
    expect(Object.keys(parts).sort()).toEqual(["test", "train", "val"]);
    expect(Object.fromEntries(Object.entries(parts).map(([part, json]) => [part, json.images.length]))).toEqual({ train: 6, val: 2, test: 2 });
    const allNames = Object.values(parts).flatMap((json) => json.images.map((image) => image.file_name));
    expect(new Set(allNames).size).toBe(imageCount);
    for (const [part, json] of Object.entries(parts)) {
      const ids = new Set(json.images.map((image) => image.id));
      for (const annotation of json.annotations) expect(ids.has(annotation.image_id), `${part} annotation of another part's image`).toBe(true);
      for (const image of json.images) expect(files.has(`${part}/images/${image.file_name}`), `${part}/images/${image.file_name}`).toBe(true);
    }
    expect(Object.values(parts).reduce((sum, json) => sum + json.annotations.length, 0)).toBe(maskCount);
    const readme = files.get("README.txt")!.toString("utf8");
    expect(readme).toContain("Split: train 60% (6 images), val 20% (2 images), test 20% (2 images); seed 3.");

    const again = cocoParts((await exportFiles({ format: "coco", statuses: [...TASK_STATUSES], split })).files);
    for (const part of ["train", "val", "test"]) {
      expect(again[part]!.images.map((image) => image.file_name).sort()).toEqual(parts[part]!.images.map((image) => image.file_name).sort());
    }
  });

  it("YOLO: Roboflow's layout with one data.yaml at the top, and it imports back mask for mask", async () => {
    const { files, zip } = await exportFiles({ format: "yolo", statuses: [...TASK_STATUSES], includeImages: true, split: { train: 80, val: 20, test: 0, seed: 0 } });
    const yaml = files.get("data.yaml")!.toString("utf8");
    expect(yaml).toContain("train: train/images\n");
    expect(yaml).toContain("val: val/images\n");
    expect(yaml).not.toContain("test:");
    expect(files.has("classes.txt")).toBe(true);
    expect([...files.keys()].filter((name) => /^(train|val)\/(data\.yaml|classes\.txt)$/.test(name))).toEqual([]);
    expect([...files.keys()].some((name) => name.startsWith("test/"))).toBe(false);
    const labelFiles = (part: string) => [...files.keys()].filter((name) => name.startsWith(`${part}/labels/`)).length;
    expect({ train: labelFiles("train"), val: labelFiles("val") }).toEqual({ train: 8, val: 2 });

    const target = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    const form = new FormData();
    form.set("dataset", new Blob([new Uint8Array(zip)], { type: "application/zip" }), "dataset.zip");
    const request = new Request(`http://localhost/api/projects/${target}/yolo-import`, { method: "POST", body: form });
    const result = await importYoloUpload({ actor: manager, projectId: target, request });
    expect(result).toMatchObject({ images: imageCount, imagesImported: imageCount, annotations: maskCount });
    expect(await storedMasks(target)).toEqual(await storedMasks(projectId));
  });

  it("keeps near-duplicate pictures in one part when asked, where the plain split would separate them", async () => {
    const images = await db().image.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true } });
    const [first, second] = [images[0]!, images[images.length - 1]!];
    // Hashes 2 bits apart for the two; every other image far from them and from each other.
    await db().image.updateMany({ where: { projectId }, data: { dhash: null } });
    await db().image.update({ where: { id: first.id }, data: { dhash: "0f0f0f0f0f0f0f0f" } });
    await db().image.update({ where: { id: second.id }, data: { dhash: "0f0f0f0f0f0f0f0c" } });
    const plain = (seed: number) => assignExportSplits({ imageIds: images.map((image) => image.id), split: { train: 50, val: 50, test: 0, seed, keepNearDuplicatesTogether: false } });
    const seed = Array.from({ length: 50 }, (_, index) => index).find((candidate) => plain(candidate).partOf.get(first.id) !== plain(candidate).partOf.get(second.id))!;
    expect(seed).toBeDefined();

    const { files } = await exportFiles({ format: "coco", statuses: [...TASK_STATUSES], split: { train: 50, val: 50, test: 0, seed, keepNearDuplicatesTogether: true } });
    const parts = cocoParts(files);
    const partOf = (fileName: string) => Object.entries(parts).find(([, json]) => json.images.some((image) => image.file_name === fileName))?.[0];
    expect(partOf(first.fileName)).toBeDefined();
    expect(partOf(second.fileName)).toBe(partOf(first.fileName));
    expect(Object.values(parts).reduce((sum, json) => sum + json.images.length, 0)).toBe(imageCount);
    expect(files.get("README.txt")!.toString("utf8")).toContain("Near-duplicate pictures were kept in one part: 1 group(s) of 2 images");
  });

  it("leaves out the newer of two near-duplicate pictures, with its masks, when asked", async () => {
    const images = await db().image.findMany({ where: { projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true } });
    const [older, newer] = [images[0]!, images[images.length - 1]!];
    await db().image.updateMany({ where: { projectId }, data: { dhash: null } });
    await db().image.update({ where: { id: older.id }, data: { dhash: "0f0f0f0f0f0f0f0f" } });
    await db().image.update({ where: { id: newer.id }, data: { dhash: "0f0f0f0f0f0f0f0c" } });
    const newerMasks = await db().annotation.count({ where: { imageId: newer.id, deletedAt: null } });
    expect(newerMasks).toBeGreaterThan(0);

    const { files } = await exportFiles({ format: "coco", statuses: [...TASK_STATUSES], dropNearDuplicates: true });
    const coco = JSON.parse(files.get("annotations/instances.json")!.toString("utf8")) as CocoPart;
    const names = coco.images.map((image) => image.file_name);
    expect(names).toHaveLength(imageCount - 1);
    expect(names).toContain(older.fileName);
    expect(names).not.toContain(newer.fileName);
    expect(coco.annotations).toHaveLength(maskCount - newerMasks);
    expect(files.get("README.txt")!.toString("utf8")).toContain("Near-duplicates: 1 picture(s) left out as near-duplicates of an older one");
  });

  it("leaves out images accepted without review when asked for reviewed images only", async () => {
    const images = await db().image.findMany({ where: { projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true, tasks: { select: { id: true } } } });
    const unreviewed = images[1]!;
    await db().handIn.create({ data: { projectId, imageId: unreviewed.id, taskId: unreviewed.tasks[0]!.id, annotatorId: manager.id, masks: [], reviewSkipped: true, scoredAt: new Date() } });
    const unreviewedMasks = await db().annotation.count({ where: { imageId: unreviewed.id, deletedAt: null } });
    expect(unreviewedMasks).toBeGreaterThan(0);
    const { files } = await exportFiles({ format: "coco", statuses: [...TASK_STATUSES], reviewedOnly: true });
    const coco = JSON.parse(files.get("annotations/instances.json")!.toString("utf8")) as CocoPart;
    expect(coco.images.map((image) => image.file_name)).not.toContain(unreviewed.fileName);
    expect(coco.images).toHaveLength(imageCount - 1);
    expect(coco.annotations).toHaveLength(maskCount - unreviewedMasks);
    expect(files.get("README.txt")!.toString("utf8")).toContain("reviewed images only (those accepted without review left out)");
    // Without the option the same image is exported.
    const all = JSON.parse((await exportFiles({ format: "coco", statuses: [...TASK_STATUSES] })).files.get("annotations/instances.json")!.toString("utf8")) as CocoPart;
    expect(all.images.map((image) => image.file_name)).toContain(unreviewed.fileName);
  });
});
