// A resized export on real Postgres: the picture in the zip and its masks are
// scaled to the same size, and the COCO file describes the resized image.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMask, decodeRleToMask, encodeMaskToRle, type CocoRle } from "@/lib/mask";
import { TASK_STATUSES } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { importCocoDataset } from "../coco-import/import-coco-dataset";
import { stopQueue } from "../jobs/queue";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { runExportJob } from "./run-export-job";
import { startExport } from "./start-export";
import { makeZip, readZip } from "./testing/coco-fixture";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

let manager: Actor;
let projectId: string;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
  projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
  const mask = createMask(200, 100);
  for (let y = 10; y < 50; y++) for (let x = 20; x < 60; x++) mask.data[y * 200 + x] = 1;
  const json = {
    images: [{ id: 1, file_name: "wide.png", width: 200, height: 100 }, { id: 2, file_name: "small.png", width: 40, height: 30 }],
    categories: [{ id: 1, name: "box" }],
    annotations: [{ id: 1, image_id: 1, category_id: 1, segmentation: encodeMaskToRle(mask), iscrowd: 0 }],
  };
  const zip = await makeZip([
    { name: "wide.png", bytes: await makePng({ width: 200, height: 100, seed: 701 }) },
    { name: "small.png", bytes: await makePng({ width: 40, height: 30, seed: 702 }) },
  ]);
  await importCocoDataset({ actor: manager, projectId, json: Buffer.from(JSON.stringify(json)), zip });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

describe("resized exports", () => {
  it("scale the pictures over the limit and their masks to the same size; smaller pictures stay as they are", async () => {
    const started = await startExport({ actor: manager, projectId, input: { format: "coco", includeImages: true, statuses: [...TASK_STATUSES], maxSide: 50 } });
    expect((await runExportJob({ exportId: started.id })).status).toBe("done");
    const files = await readZip(storedFilePath(exportKeyFor(started.id)));
    const coco = JSON.parse(files.get("annotations/instances.json")!.toString("utf8")) as {
      images: { file_name: string; width: number; height: number }[];
      annotations: { segmentation: CocoRle; bbox: number[]; area: number }[];
    };
    expect(coco.images.map((image) => [image.file_name, image.width, image.height])).toEqual([["wide.png", 50, 25], ["small.png", 40, 30]]);
    const wide = await sharp(files.get("images/wide.png")!).metadata();
    expect([wide.width, wide.height, wide.format]).toEqual([50, 25, "png"]);
    const small = await sharp(files.get("images/small.png")!).metadata();
    expect([small.width, small.height]).toEqual([40, 30]);
    const [box] = coco.annotations;
    // Source columns 20-59 and rows 10-49 at a quarter: columns 5-14; rows 2-12 (rows 10-11 and 48-49 are half a target row).
    expect(box).toMatchObject({ bbox: [5, 2, 10, 11], area: 110 });
    expect(decodeRleToMask(box!.segmentation).width).toBe(50);
    expect(files.get("README.txt")!.toString("utf8")).toContain("over 50 px were scaled down");
  });
});
