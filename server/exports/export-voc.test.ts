// The Pascal VOC / CVAT "Segmentation mask 1.1" export on real Postgres: its
// files and labelmap (every class a distinct colour, black and shared colours
// replaced), pixel-exact class and object PNGs with overlaps painted small on
// top, unlabelled masks left out, and this project's PNG import reading the
// archive back into a new project as the same visible masks and classes.
import sharp from "sharp";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeRleToMask, encodeMaskToRle, maskFromRows, maskToRows } from "@/lib/mask";
import { TASK_STATUSES } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { importCocoDataset } from "../coco-import/import-coco-dataset";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { importPngMasksUpload } from "../png-import/import-png-masks-upload";
import { VOID_COLOUR, vocPaletteColour } from "../png-import/segmentation-colour-map";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { closeTestDb } from "../testing/close-test-db";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { vocObjectColour } from "./create-voc-writer";
import { runExportJob } from "./run-export-job";
import { startExport } from "./start-export";
import { makeZip, readZip } from "./testing/coco-fixture";

setupTempDataDir();

let manager: Actor;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

/** The PNG's pixels as rows of letters, each letter the key of its colour in `legend` ("?" for any other). */
async function colourRows(png: Buffer | undefined, legend: Record<string, number>): Promise<string[]> {
  if (!png) throw new Error("PNG missing from the export");
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  const byColour = new Map(Object.entries(legend).map(([letter, colour]) => [colour, letter]));
  return Array.from({ length: info.height }, (_, y) =>
    Array.from({ length: info.width }, (_, x) => {
      const at = (y * info.width + x) * 3;
      return byColour.get((data[at]! << 16) | (data[at + 1]! << 8) | data[at + 2]!) ?? "?";
    }).join(""),
  );
}

describe("Pascal VOC / CVAT mask export", () => {
  it("writes class and object colour PNGs with a labelmap, and the PNG import reads them back", async () => {
    const source = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    const car = maskFromRows(["######..", "######..", "######..", "........", "........"]);
    const person = maskFromRows(["........", ".##.....", "........", "........", "........"]); // on top of the car
    const dog = maskFromRows(["........", "........", "........", "....###.", "....###."]);
    const json = {
      images: [{ id: 1, file_name: "street.png", width: 8, height: 5 }],
      categories: [{ id: 1, name: "car" }, { id: 2, name: "person" }, { id: 3, name: "dog" }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, segmentation: encodeMaskToRle(car), iscrowd: 0 },
        { id: 2, image_id: 1, category_id: 2, segmentation: encodeMaskToRle(person), iscrowd: 0 },
        { id: 3, image_id: 1, category_id: 3, segmentation: encodeMaskToRle(dog), iscrowd: 0 },
      ],
    };
    const zip = await makeZip([{ name: "images/street.png", bytes: await makePng({ width: 8, height: 5, seed: 77 }) }]);
    await importCocoDataset({ actor: manager, projectId: source, json: Buffer.from(JSON.stringify(json)), zip });
    // car keeps its colour; person is black (the background's) and dog shares car's: both get free VOC colours.
    for (const [name, color] of [["car", "#ff0000"], ["person", "#000000"], ["dog", "#FF0000"]] as const) {
      await db().labelClass.updateMany({ where: { projectId: source, name }, data: { color } });
    }
    const image = await db().image.findFirstOrThrow({ where: { projectId: source } });
    const unlabelled = maskFromRows(["........", "........", "........", "#.......", "........"]);
    const rle = encodeMaskToRle(unlabelled);
    await db().annotation.create({ data: { projectId: source, imageId: image.id, rleCounts: rle.counts, maskHeight: 5, maskWidth: 8, bbox: [0, 3, 1, 1], area: 1, authorId: manager.id } });

    const started = await startExport({ actor: manager, projectId: source, input: { format: "voc", includeImages: true, statuses: [...TASK_STATUSES] } });
    expect((await runExportJob({ exportId: started.id })).status).toBe("done");
    const archive = await readFile(storedFilePath(exportKeyFor(started.id)));
    const files = await readZip(storedFilePath(exportKeyFor(started.id)));
    expect([...files.keys()].sort()).toEqual([
      "ImageSets/Segmentation/default.txt",
      "JPEGImages/street.png",
      "README.txt",
      "SegmentationClass/street.png",
      "SegmentationObject/street.png",
      "labelmap.txt",
    ]);
    expect(files.get("ImageSets/Segmentation/default.txt")?.toString()).toBe("street\n");
    const [first, second] = [vocPaletteColour(1), vocPaletteColour(2)];
    const rgb = (colour: number) => `${colour >> 16},${(colour >> 8) & 0xff},${colour & 0xff}`;
    expect(files.get("labelmap.txt")?.toString()).toBe(
      `# label:color_rgb:parts:actions\nbackground:0,0,0::\ncar:255,0,0::\nperson:${rgb(first)}::\ndog:${rgb(second)}::\n`,
    );
    expect(files.get("README.txt")?.toString()).toContain('Pascal VOC / CVAT "Segmentation mask 1.1"');

    // Classes by colour; objects in listing order (car 1, person 2, dog 3), the person painted over the car.
    expect(await colourRows(files.get("SegmentationClass/street.png"), { ".": 0, c: 0xff0000, p: first, d: second })).toEqual([
      "cccccc..",
      "cppccc..",
      "cccccc..",
      "....ddd.",
      "....ddd.",
    ]);
    expect(await colourRows(files.get("SegmentationObject/street.png"), { ".": 0, "1": vocObjectColour(1), "2": vocObjectColour(2), "3": vocObjectColour(3) })).toEqual([
      "111111..",
      "122111..",
      "111111..",
      "....333.",
      "....333.",
    ]);

    // Read back: the same classes and colours, and each object as it is visible.
    const target = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    const form = new FormData();
    form.set("dataset", new Blob([new Uint8Array(archive)], { type: "application/zip" }), "voc.zip");
    const result = await importPngMasksUpload({ actor: manager, projectId: target, request: new Request(`http://localhost/api/projects/${target}/png-import`, { method: "POST", body: form }) });
    expect(result).toMatchObject({ layout: "voc", images: 1, imagesImported: 1, annotations: 3 });
    const classes = await db().labelClass.findMany({ where: { projectId: target }, orderBy: { position: "asc" }, select: { name: true, color: true } });
    expect(classes).toEqual([
      { name: "car", color: "#ff0000" },
      { name: "person", color: `#${first.toString(16).padStart(6, "0")}` },
      { name: "dog", color: `#${second.toString(16).padStart(6, "0")}` },
    ]);
    const masks = await db().annotation.findMany({ where: { projectId: target }, include: { labelClass: true } });
    const visible = Object.fromEntries(masks.map((row) => [row.labelClass?.name, maskToRows(decodeRleToMask({ size: [row.maskHeight, row.maskWidth], counts: row.rleCounts }))]));
    expect(visible).toEqual({
      car: maskToRows(maskFromRows(["######..", "#..###..", "######..", "........", "........"])),
      person: maskToRows(person),
      dog: maskToRows(dog),
    });
  });

  it("a COCO file's category colours become the new classes' colours; other forms of colour are ignored", async () => {
    const projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    const json = {
      images: [{ id: 1, file_name: "one.png", width: 4, height: 4 }],
      categories: [{ id: 1, name: "kept", color: "#12AB34" }, { id: 2, name: "rgb list", color: [1, 2, 3] }, { id: 3, name: "named", color: "red" }],
      annotations: [],
    };
    const zip = await makeZip([{ name: "images/one.png", bytes: await makePng({ width: 4, height: 4, seed: 78 }) }]);
    await importCocoDataset({ actor: manager, projectId, json: Buffer.from(JSON.stringify(json)), zip });
    const classes = await db().labelClass.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { name: true, color: true } });
    expect(classes.map((label) => label.name)).toEqual(["kept", "rgb list", "named"]);
    expect(classes[0]!.color).toBe("#12ab34");
    for (const label of classes.slice(1)) expect(label.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("never gives an object VOC's void colour, which readers drop", () => {
    const colours = new Set(Array.from({ length: 600 }, (_, index) => vocObjectColour(index + 1)));
    expect(colours.size).toBe(600);
    expect(colours.has(VOID_COLOUR)).toBe(false);
    expect(colours.has(0)).toBe(false);
  });
});
