// Import a COCO file generated in code, export it in every format, decode
// each output back and compare it pixel by pixel with the fixture's masks and
// with the stored masks; COCO ids and categories must map back.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TASK_STATUSES, type StartExportInput } from "@/lib/schemas/exports";
import { decodeRleToMask, maskToRows, rasterizePolygons, type BinaryMask, type CocoRle } from "@/lib/mask";
import type { Actor } from "../auth/actor";
import { importCocoDataset } from "../coco-import/import-coco-dataset";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { runExportJob } from "./run-export-job";
import { startExport } from "./start-export";
import { buildCocoFixture, makeZip, readZip, type CocoFixture } from "./testing/coco-fixture";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

let manager: Actor;
let projectId: string;
let fixture: CocoFixture;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
  fixture = await buildCocoFixture();
  const zip = await makeZip(fixture.images.map((image) => ({ name: `images/${image.fileName}`, bytes: image.bytes })));
  const result = await importCocoDataset({ actor: manager, projectId, json: Buffer.from(JSON.stringify(fixture.json)), zip });
  expect(result).toMatchObject({ images: 2, imagesImported: 2, annotations: fixture.objects.length });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

const ALL_STATUSES = [...TASK_STATUSES];

async function exportFiles(input: StartExportInput): Promise<Map<string, Buffer>> {
  const started = await startExport({ actor: manager, projectId, input });
  const result = await runExportJob({ exportId: started.id });
  expect(result.status).toBe("done");
  return readZip(storedFilePath(exportKeyFor(started.id)));
}

function json<T>(files: Map<string, Buffer>, name: string): T {
  const file = files.get(name);
  if (!file) throw new Error(`${name} missing from the export; entries: ${[...files.keys()].join(", ")}`);
  return JSON.parse(file.toString("utf8")) as T;
}

function expectSameMask(actual: BinaryMask, expected: BinaryMask, what: string) {
  expect(maskToRows(actual), what).toEqual(maskToRows(expected));
}

function fixtureObject(id: number) {
  const object = fixture.objects.find((candidate) => candidate.id === id);
  if (!object) throw new Error(`no fixture object ${id}`);
  return object;
}

type CocoOut = {
  images: { id: number; file_name: string; width: number; height: number }[];
  categories: { id: number; name: string }[];
  annotations: { id: number; image_id: number; category_id: number; segmentation: CocoRle | number[][]; area: number; bbox: number[]; iscrowd: number }[];
};

describe("COCO import -> export round trip", () => {
  it("stores every imported mask exactly, as source = import", async () => {
    const rows = await db().annotation.findMany({ where: { projectId }, include: { image: true, labelClass: true } });
    expect(rows).toHaveLength(fixture.objects.length);
    for (const row of rows) expect(row.source).toBe("import");
    const stored = rows.map((row) => ({ file: row.image.fileName, label: row.labelClass?.name, rows: maskToRows(decodeRleToMask({ size: [row.maskHeight, row.maskWidth], counts: row.rleCounts })) }));
    for (const object of fixture.objects) {
      const image = fixture.images.find((candidate) => candidate.id === object.imageId);
      const category = fixture.categories.find((candidate) => candidate.id === object.categoryId);
      expect(stored).toContainEqual({ file: image?.fileName, label: category?.name, rows: maskToRows(object.mask) });
    }
  });

  it("COCO RLE: every mask pixel-identical, image/annotation/category ids and names map back", async () => {
    const files = await exportFiles({ format: "coco", statuses: ALL_STATUSES, includeImages: true });
    const coco = json<CocoOut>(files, "annotations/instances.json");
    // Each class's editor colour rides along ("color", which this project's import gives back to the class).
    const colours = new Map((await db().labelClass.findMany({ where: { projectId }, select: { name: true, color: true } })).map((label) => [label.name, label.color]));
    expect(coco.categories).toEqual(fixture.categories.map((category) => ({ ...category, supercategory: "", color: colours.get(category.name) })));
    expect(coco.categories.every((category) => /^#[0-9a-f]{6}$/.test((category as { color?: string }).color ?? ""))).toBe(true);
    expect(coco.images.map((image) => [image.id, image.file_name, image.width, image.height]).sort()).toEqual(
      fixture.images.map((image) => [image.id, image.fileName, image.width, image.height]).sort(),
    );
    expect(coco.annotations.map((annotation) => annotation.id).sort()).toEqual(fixture.objects.map((object) => object.id).sort());
    for (const annotation of coco.annotations) {
      const object = fixtureObject(annotation.id);
      expect(annotation).toMatchObject({ image_id: object.imageId, category_id: object.categoryId, iscrowd: 0 });
      expectSameMask(decodeRleToMask(annotation.segmentation as CocoRle), object.mask, `annotation ${annotation.id}`);
    }
    // Hand-computed: the one-pixel object at (0, 0) of a 12x9 image has counts [0, 1, 107],
    // i.e. '0', '1', then 107 = 3*32 + 11 -> (11 | 0x20) + 48 = '[', 3 + 48 = '3'.
    expect(coco.annotations.find((annotation) => annotation.id === 1003)).toMatchObject({ segmentation: { size: [9, 12], counts: "01[3" }, area: 1, bbox: [0, 0, 1, 1] });
    // The ring (16 pixels) with a one-pixel island in its hole: 17 pixels, box from (1,1) to (5,5).
    expect(coco.annotations.find((annotation) => annotation.id === 1001)).toMatchObject({ area: 17, bbox: [1, 1, 5, 5] });
    for (const image of fixture.images) expect(files.get(`images/${image.fileName}`)?.equals(image.bytes)).toBe(true);
  });

  it("COCO polygons: holes and parts survive pycocotools' union rule", async () => {
    const files = await exportFiles({ format: "coco", statuses: ALL_STATUSES, cocoPolygons: true });
    const coco = json<CocoOut>(files, "annotations/instances.json");
    const ring = coco.annotations.find((annotation) => annotation.id === 1001);
    // Two parts (the ring, with its hole bridged in, and the island inside the hole): two rings.
    expect(Array.isArray(ring?.segmentation) && ring.segmentation.length).toBe(2);
    const twoParts = coco.annotations.find((annotation) => annotation.id === 1002);
    expect(Array.isArray(twoParts?.segmentation) && twoParts.segmentation.length).toBe(2);
    for (const annotation of coco.annotations) {
      const object = fixtureObject(annotation.id);
      const image = coco.images.find((candidate) => candidate.id === annotation.image_id);
      if (!image) throw new Error("image missing");
      const mask = rasterizePolygons(annotation.segmentation as number[][], image.width, image.height, { fillRule: "union" });
      expectSameMask(mask, object.mask, `polygon annotation ${annotation.id}`);
    }
  });

  it("SA-1B: one JSON per image with RLE, bbox, area, crop box and scores", async () => {
    const files = await exportFiles({ format: "sa1b", statuses: ALL_STATUSES });
    for (const image of fixture.images) {
      const doc = json<{ image: Record<string, unknown>; annotations: { id: number; segmentation: CocoRle; crop_box: number[]; predicted_iou: null; point_coords: unknown[] }[] }>(
        files,
        `sa1b/${image.fileName.replace(/\.png$/, "")}.json`,
      );
      expect(doc.image).toEqual({ image_id: image.id, width: image.width, height: image.height, file_name: image.fileName });
      const expectedIds = fixture.objects.filter((object) => object.imageId === image.id).map((object) => object.id);
      expect(doc.annotations.map((annotation) => annotation.id).sort()).toEqual(expectedIds.sort());
      for (const annotation of doc.annotations) {
        expect(annotation).toMatchObject({ crop_box: [0, 0, image.width, image.height], predicted_iou: null, point_coords: [] });
        expectSameMask(decodeRleToMask(annotation.segmentation), fixtureObject(annotation.id).mask, `sa1b ${annotation.id}`);
      }
    }
  });

  it("YOLO: every line decodes back to the stored mask", async () => {
    const files = await exportFiles({ format: "yolo", statuses: ALL_STATUSES });
    const classes = files.get("classes.txt")?.toString("utf8").trimEnd().split("\n");
    expect(classes).toEqual(["cat", "dog", "unused"]);
    expect(files.get("data.yaml")?.toString("utf8")).toContain('  1: "dog"');
    const stored = await db().annotation.findMany({ where: { projectId }, include: { image: true, labelClass: true } });
    for (const image of fixture.images) {
      const lines = files.get(`labels/${image.fileName.replace(/\.png$/, "")}.txt`)?.toString("utf8").trimEnd().split("\n") ?? [];
      const decoded = lines.map((line) => {
        const [cls, ...coords] = line.split(" ").map(Number);
        const ring = coords.map((value, index) => value * (index % 2 === 0 ? image.width : image.height));
        return { name: classes?.[cls as number], rows: maskToRows(rasterizePolygons([ring], image.width, image.height)) };
      });
      const expected = stored
        .filter((row) => row.image.fileName === image.fileName)
        .map((row) => ({ name: row.labelClass?.name, rows: maskToRows(decodeRleToMask({ size: [row.maskHeight, row.maskWidth], counts: row.rleCounts })) }));
      expect(decoded.length).toBe(expected.length);
      for (const item of expected) expect(decoded).toContainEqual(item);
    }
  });

  it("PNG: instance-id and class-index images decode back to the stored masks", async () => {
    const files = await exportFiles({ format: "png", statuses: ALL_STATUSES });
    const classes = json<{ classes: { value: number; category_id: number; name: string; color: string }[] }>(files, "masks/classes.json").classes;
    const colours = new Map((await db().labelClass.findMany({ where: { projectId }, select: { name: true, color: true } })).map((label) => [label.name, label.color]));
    expect(classes).toEqual([
      { value: 1, category_id: 3, name: "cat", color: colours.get("cat") },
      { value: 2, category_id: 7, name: "dog", color: colours.get("dog") },
      { value: 3, category_id: 12, name: "unused", color: colours.get("unused") },
    ]);
    for (const image of fixture.images) {
      const stem = image.fileName.replace(/\.png$/, "");
      const meta = json<{ objects: { value: number; id: number; category_id: number; class_value: number }[] }>(files, `masks/${stem}.json`);
      const instances = await sharp(files.get(`masks/${stem}_instances.png`)).toColourspace("grey16").raw({ depth: "ushort" }).toBuffer({ resolveWithObject: true });
      const classImage = await sharp(files.get(`masks/${stem}_classes.png`)).toColourspace("b-w").raw().toBuffer({ resolveWithObject: true });
      expect(instances.info).toMatchObject({ width: image.width, height: image.height, channels: 1 });
      expect(classImage.info).toMatchObject({ width: image.width, height: image.height, channels: 1 });
      const ids = new Uint16Array(instances.data.buffer, instances.data.byteOffset, image.width * image.height);
      expect(meta.objects.map((object) => object.id).sort()).toEqual(fixture.objects.filter((object) => object.imageId === image.id).map((object) => object.id).sort());
      const inImage = fixture.objects.filter((candidate) => candidate.imageId === image.id);
      const area = (mask: BinaryMask) => mask.data.reduce((sum, value) => sum + value, 0);
      for (const object of meta.objects) {
        const source = fixtureObject(object.id);
        // Documented overlap rule: larger objects first, smaller on top (ties by id). Here the
        // bottom-right pixel object sits on the right-border column and hides one of its pixels.
        const onTop = inImage.filter((other) => area(other.mask) < area(source.mask) || (area(other.mask) === area(source.mask) && other.id > source.id));
        const visible = Uint8Array.from(source.mask.data, (value, i) => (value && !onTop.some((other) => other.mask.data[i]) ? 1 : 0));
        const fromInstances = { width: image.width, height: image.height, data: Uint8Array.from(ids, (value) => (value === object.value ? 1 : 0)) };
        expectSameMask(fromInstances, { width: image.width, height: image.height, data: visible }, `instance png ${object.id}`);
        const classValue = classes.find((entry) => entry.category_id === source.categoryId)?.value;
        expect(object.class_value).toBe(classValue);
        for (let i = 0; i < ids.length; i++) if (visible[i]) expect(classImage.data[i]).toBe(classValue);
      }
      const background = Array.from(ids).filter((value) => value === 0).length;
      const union = new Uint8Array(image.width * image.height);
      for (const object of inImage) object.mask.data.forEach((value, i) => (union[i] ||= value));
      expect(background).toBe(image.width * image.height - area({ width: image.width, height: image.height, data: union }));
    }
  });

  it("filters by task status (accepted only by default) and by label class", async () => {
    expect((await exportFiles({ format: "coco" })).size).toBe(2); // README + instances.json, no images
    const empty = json<CocoOut>(await exportFiles({ format: "coco" }), "annotations/instances.json");
    expect(empty.images).toEqual([]);

    const image = await db().image.findFirstOrThrow({ where: { projectId, fileName: fixture.images[1]?.fileName } });
    await db().task.updateMany({ where: { imageId: image.id }, data: { status: "accepted" } });
    const accepted = json<CocoOut>(await exportFiles({ format: "coco" }), "annotations/instances.json");
    expect(accepted.images.map((entry) => entry.id)).toEqual([7]);
    expect(accepted.annotations.map((entry) => entry.id).sort()).toEqual([2001, 2002, 2003]);

    const dog = await db().labelClass.findFirstOrThrow({ where: { projectId, name: "dog" } });
    const dogs = json<CocoOut>(await exportFiles({ format: "coco", labelClassIds: [dog.id] }), "annotations/instances.json");
    expect(dogs.categories).toEqual([{ id: 7, name: "dog", supercategory: "", color: dog.color }]);
    expect(dogs.annotations.map((entry) => entry.id).sort()).toEqual([2001, 2003]);
  });
});
