// Mask PNG import on real Postgres: this project's (split) PNG export comes
// back into a new project mask for mask; a CVAT / VOC "Segmentation mask"
// zip gives one mask per object colour with its class from the class PNG,
// or one per class colour without object PNGs; pictures already in the
// project are matched by stem; a bad file is named and nothing is imported.
import sharp from "sharp";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeRleToMask, encodeMaskToRle, maskFromRows, maskToRows } from "@/lib/mask";
import { TASK_STATUSES } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { importCocoDataset } from "../coco-import/import-coco-dataset";
import { db } from "../db/client";
import { runExportJob } from "../exports/run-export-job";
import { startExport } from "../exports/start-export";
import { makeZip } from "../exports/testing/coco-fixture";
import { importImage } from "../images/import-image";
import { stopQueue } from "../jobs/queue";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { importPngMasksUpload } from "./import-png-masks-upload";
import { vocPaletteColour } from "./segmentation-colour-map";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

let manager: Actor;
const newProject = async () => (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;

function upload(projectId: string, zip: Buffer): Request {
  const form = new FormData();
  form.set("dataset", new Blob([new Uint8Array(zip)], { type: "application/zip" }), "masks.zip");
  return new Request(`http://localhost/api/projects/${projectId}/png-import`, { method: "POST", body: form });
}

async function storedMasks(projectId: string): Promise<string[]> {
  const rows = await db().annotation.findMany({ where: { projectId, deletedAt: null }, include: { image: true, labelClass: true } });
  return rows.map((row) => `${row.image.fileName} ${row.labelClass?.name ?? "-"}\n${maskToRows(decodeRleToMask({ size: [row.maskHeight, row.maskWidth], counts: row.rleCounts })).join("\n")}`).sort();
}

/** An RGB PNG from rows of one-letter colour names. */
async function colourPng(rows: string[], colours: Record<string, number>): Promise<Buffer> {
  const width = rows[0]!.length;
  const raw = Buffer.alloc(width * rows.length * 3);
  rows.forEach((row, y) => [...row].forEach((letter, x) => {
    const colour = colours[letter] ?? 0;
    raw.set([colour >> 16, (colour >> 8) & 0xff, colour & 0xff], (y * width + x) * 3);
  }));
  return sharp(raw, { raw: { width, height: rows.length, channels: 3 } }).png().toBuffer();
}

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

describe("PNG mask import", () => {
  it("imports this project's split PNG export (with images) back mask for mask", async () => {
    const source = await newProject();
    // Non-overlapping objects: an instance PNG holds one object per pixel.
    const cat = maskFromRows(["##......", "##......", "........", "........", "........"]);
    const dog = maskFromRows(["........", "....###.", "....#.#.", "....###.", "........"]); // a ring: its hole must stay a hole
    const cat2 = maskFromRows(["......", ".####.", ".#..#.", "......"]);
    const images = [
      { id: 1, file_name: "first.png", width: 8, height: 5, bytes: await makePng({ width: 8, height: 5, seed: 401 }) },
      { id: 2, file_name: "second.png", width: 6, height: 4, bytes: await makePng({ width: 6, height: 4, seed: 402 }) },
    ];
    const json = {
      images: images.map(({ bytes: _bytes, ...image }) => image),
      categories: [{ id: 1, name: "cat" }, { id: 2, name: "dog" }, { id: 3, name: "unused" }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, segmentation: encodeMaskToRle(cat), iscrowd: 0, attributes: { sleeping: true } },
        { id: 2, image_id: 1, category_id: 2, segmentation: encodeMaskToRle(dog), iscrowd: 0, attributes: { breed: "pug" } },
        { id: 3, image_id: 2, category_id: 1, segmentation: encodeMaskToRle(cat2), iscrowd: 0, attributes: { sleeping: false } },
      ],
    };
    const zip = await makeZip(images.map((image) => ({ name: `images/${image.file_name}`, bytes: image.bytes })));
    await importCocoDataset({ actor: manager, projectId: source, json: Buffer.from(JSON.stringify(json)), zip });
    const started = await startExport({ actor: manager, projectId: source, input: { format: "png", includeImages: true, statuses: [...TASK_STATUSES], split: { train: 50, val: 50, test: 0, seed: 0 } } });
    expect((await runExportJob({ exportId: started.id })).status).toBe("done");
    const exported = await readFile(storedFilePath(exportKeyFor(started.id)));

    const target = await newProject();
    const result = await importPngMasksUpload({ actor: manager, projectId: target, request: upload(target, exported) });
    expect(result).toMatchObject({ format: "png", layout: "maskwright", images: 2, imagesImported: 2, annotations: 3, objectsWithoutClass: 0 });
    expect(await storedMasks(target)).toEqual(await storedMasks(source));
    const classes = await db().labelClass.findMany({ where: { projectId: target }, orderBy: { position: "asc" }, select: { name: true, color: true } });
    const sourceClasses = await db().labelClass.findMany({ where: { projectId: source }, orderBy: { position: "asc" }, select: { name: true, color: true } });
    expect(classes.map((label) => label.name)).toEqual(["cat", "dog", "unused"]);
    // Colours (classes.json) and attribute values (masks/<stem>.json) come back too.
    expect(classes).toEqual(sourceClasses);
    const attributes = async (projectId: string) =>
      (await db().annotation.findMany({ where: { projectId }, select: { area: true, attributes: true }, orderBy: { area: "asc" } })).map((row) => [row.area, row.attributes]);
    expect(await attributes(target)).toEqual(await attributes(source));
    expect((await attributes(target)).map(([, values]) => values)).toEqual(expect.arrayContaining([{ sleeping: true }, { breed: "pug" }, { sleeping: false }]));
  });

  it("reads CVAT's Segmentation mask layout: one mask per object colour, its class from the class PNG, void left out", async () => {
    const target = await newProject();
    const colours = { c: 0xfa3253, p: 0x0000ff, v: 0xe0e0c0, A: 0x112233, B: 0x445566, C: 0x778899 };
    const classRows = ["cc..pp", "cc..pp", "v...pv", "cc...."];
    const objectRows = ["AA..CC", "AA..CC", "v...Cv", "BB...."];
    const zip = await makeZip([
      { name: "labelmap.txt", bytes: Buffer.from("# label:color_rgb:parts:actions\nbackground:0,0,0::\ncar:250,50,83::\nperson:0,0,255::\n") },
      { name: "JPEGImages/street.png", bytes: await makePng({ width: 6, height: 4, seed: 403 }) },
      { name: "SegmentationClass/street.png", bytes: await colourPng(classRows, colours) },
      { name: "SegmentationObject/street.png", bytes: await colourPng(objectRows, colours) },
      { name: "ImageSets/Segmentation/default.txt", bytes: Buffer.from("street\n") },
    ]);
    const result = await importPngMasksUpload({ actor: manager, projectId: target, request: upload(target, zip) });
    expect(result).toMatchObject({ layout: "voc", images: 1, imagesImported: 1, annotations: 3 });
    const rows = (letter: string) => objectRows.map((row) => [...row].map((value) => (value === letter ? "1" : "0")).join(""));
    expect(await storedMasks(target)).toEqual(
      [`street.png car\n${rows("A").join("\n")}`, `street.png car\n${rows("B").join("\n")}`, `street.png person\n${rows("C").join("\n")}`].sort(),
    );
  });

  it("without object PNGs or a labelmap: VOC's palette, one mask per class, the picture found in the project by its stem", async () => {
    const target = await newProject();
    const picture = await importImage({ actor: manager, projectId: target, fileName: "kitchen.jpg", bytes: await makePng({ width: 5, height: 3, seed: 404 }) });
    expect(picture.status).toBe("imported");
    const cat = vocPaletteColour(8);
    const dog = vocPaletteColour(12);
    const zip = await makeZip([{ name: "VOC2012/SegmentationClass/kitchen.png", bytes: await colourPng(["kk.dd", "k...d", "....d"], { k: cat, d: dog }) }]);
    const result = await importPngMasksUpload({ actor: manager, projectId: target, request: upload(target, zip) });
    expect(result).toMatchObject({ images: 1, imagesImported: 0, imagesAlreadyPresent: 1, annotations: 2 });
    expect(await storedMasks(target)).toEqual(["kitchen.jpg cat\n11000\n10000\n00000", "kitchen.jpg dog\n00011\n00001\n00001"]);
  });

  it("names a colour that is no class, a mask of the wrong size and a missing picture, importing nothing; annotators may not import", async () => {
    const target = await newProject();
    const picture = await makePng({ width: 4, height: 2, seed: 405 });
    const unknown = await makeZip([
      { name: "JPEGImages/a.png", bytes: picture },
      { name: "SegmentationClass/a.png", bytes: await colourPng(["xx..", "...."], { x: 0x123456 }) },
    ]);
    await expect(importPngMasksUpload({ actor: manager, projectId: target, request: upload(target, unknown) })).rejects.toMatchObject({
      status: 400,
      message: "SegmentationClass/a.png: the colour (18, 52, 86) is not a class of VOC's palette (add a labelmap.txt).",
    });
    const wrongSize = await makeZip([
      { name: "JPEGImages/a.png", bytes: picture },
      { name: "SegmentationClass/a.png", bytes: await colourPng(["k..", "..."], { k: vocPaletteColour(8) }) },
    ]);
    await expect(importPngMasksUpload({ actor: manager, projectId: target, request: upload(target, wrongSize) })).rejects.toMatchObject({
      message: "SegmentationClass/a.png is 3x2 pixels but its picture JPEGImages/a.png is 4x2.",
    });
    const noPicture = await makeZip([{ name: "SegmentationClass/b.png", bytes: await colourPng(["k."], { k: vocPaletteColour(8) }) }]);
    await expect(importPngMasksUpload({ actor: manager, projectId: target, request: upload(target, noPicture) })).rejects.toMatchObject({
      message: "SegmentationClass/b.png: its picture (b.*) is neither in the zip nor among the project's images.",
    });
    await expect(importPngMasksUpload({ actor: manager, projectId: target, request: upload(target, await makeZip([{ name: "readme.txt", bytes: Buffer.from("hi") }])) })).rejects.toMatchObject({
      message: expect.stringContaining("The zip has no mask PNGs"),
    });
    expect(await db().image.count({ where: { projectId: target } })).toBe(0);
    expect(await db().annotation.count({ where: { projectId: target } })).toBe(0);

    const annotator = await createTestUser();
    const shared = (await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] })).id;
    await expect(importPngMasksUpload({ actor: annotator, projectId: shared, request: upload(shared, unknown) })).rejects.toMatchObject({ code: "forbidden" });
  });
});
