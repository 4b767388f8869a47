// Label Studio import on real Postgres: brush masks (Label Studio's bit-packed
// RLE, encoded here independently, with both repeated and literal blocks) and
// polygons (percent points) become masks with their labels; other results and
// tasks without masks are counted; the upload prefix is ignored when finding
// the picture; a bad task is named and nothing is imported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeRleToMask, maskFromRows, maskToRows, type BinaryMask } from "@/lib/mask";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { makeZip } from "../exports/testing/coco-fixture";
import { stopQueue } from "../jobs/queue";
import { closeTestDb } from "../testing/close-test-db";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { decodeBrushRle } from "./decode-brush-rle";
import { importLabelStudioUpload } from "./import-label-studio-upload";

setupTempDataDir();

let manager: Actor;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

/** Label Studio's brush format written bit by bit: 8-bit words, field sizes 2/4/8/16 bits; runs of 4+ repeat, the rest literal. */
function encodeBrushRle(values: Uint8Array): number[] {
  const bits: number[] = [];
  const put = (value: number, size: number) => {
    for (let bit = size - 1; bit >= 0; bit--) bits.push(Math.floor(value / 2 ** bit) % 2);
  };
  put(values.length, 32);
  put(7, 5);
  for (const size of [2, 4, 8, 16]) put(size - 1, 4);
  let i = 0;
  while (i < values.length) {
    let run = 1;
    while (i + run < values.length && values[i + run] === values[i] && run < 65536) run++;
    if (run >= 4) {
      for (const [value, size] of [[1, 1], [3, 2], [run - 1, 16], [values[i]!, 8]] as const) put(value, size);
      i += run;
    } else {
      const count = Math.min(4, values.length - i);
      for (const [value, size] of [[0, 1], [0, 2], [count - 1, 2]] as const) put(value, size);
      for (let k = 0; k < count; k++) put(values[i + k]!, 8);
      i += count;
    }
  }
  while (bits.length % 8 !== 0) bits.push(0);
  return Array.from({ length: bits.length / 8 }, (_, byte) => bits.slice(byte * 8, byte * 8 + 8).reduce((sum, bit) => sum * 2 + bit, 0));
}

/** A mask as Label Studio's brush stores it: RGBA, alpha 255 where painted. */
function brushOf(mask: BinaryMask): number[] {
  const rgba = new Uint8Array(mask.width * mask.height * 4);
  mask.data.forEach((value, p) => rgba.set(value ? [255, 0, 0, 255] : [0, 0, 0, 0], p * 4));
  return encodeBrushRle(rgba);
}

function upload(projectId: string, json: unknown, zip?: Buffer): Request {
  const form = new FormData();
  form.set("annotations", new Blob([JSON.stringify(json)], { type: "application/json" }), "project-1-at-2026.json");
  if (zip) form.set("images", new Blob([new Uint8Array(zip)], { type: "application/zip" }), "images.zip");
  return new Request(`http://localhost/api/projects/${projectId}/label-studio-import`, { method: "POST", body: form });
}

describe("decodeBrushRle", () => {
  it("reads repeated and literal blocks back to the values", () => {
    const values = Uint8Array.from([0, 0, 0, 0, 0, 7, 9, 255, 255, 255, 255, 255, 255, 1, 2]);
    expect([...decodeBrushRle(encodeBrushRle(values))]).toEqual([...values]);
  });
});

describe("Label Studio import", () => {
  it("imports brush masks and polygons with their labels, and counts what it leaves out", async () => {
    const projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    const person = maskFromRows(["........", ".##.....", ".###....", ".##.....", "........"]);
    const json = [
      {
        id: 7,
        data: { image: "/data/upload/3/1a2b3c4d-walk.png" },
        annotations: [
          { result: [{ type: "brushlabels", value: { format: "rle", rle: [1, 2, 3], brushlabels: ["person"] }, original_width: 8, original_height: 5 }], was_cancelled: true },
          {
            result: [
              { type: "brushlabels", value: { format: "rle", rle: brushOf(person), brushlabels: ["person"] }, original_width: 8, original_height: 5 },
              { type: "polygonlabels", value: { points: [[62.5, 0], [100, 0], [100, 60], [62.5, 60]], polygonlabels: ["sign"] }, original_width: 8, original_height: 5 },
              { type: "rectanglelabels", value: { x: 0, y: 0, width: 10, height: 10, rectanglelabels: ["person"] }, original_width: 8, original_height: 5 },
              { type: "choices", value: { choices: ["day"] } },
            ],
          },
        ],
      },
      { id: 8, data: { image: "/data/upload/3/other.png" }, annotations: [] },
    ];
    const zip = await makeZip([{ name: "walk.png", bytes: await makePng({ width: 8, height: 5, seed: 95 }) }]);
    const result = await importLabelStudioUpload({ actor: manager, projectId, request: upload(projectId, json, zip) });
    expect(result).toMatchObject({ format: "label-studio", images: 1, annotations: 2, tasksWithoutMasks: 1, skippedResults: { rectanglelabels: 1, choices: 1 } });
    const image = await db().image.findFirstOrThrow({ where: { projectId } });
    expect(image.fileName).toBe("walk.png");
    const masks = await db().annotation.findMany({ where: { projectId }, include: { labelClass: true } });
    const byLabel = Object.fromEntries(masks.map((row) => [row.labelClass!.name, maskToRows(decodeRleToMask({ size: [row.maskHeight, row.maskWidth], counts: row.rleCounts }))]));
    expect(byLabel).toEqual({ person: maskToRows(person), sign: maskToRows(maskFromRows([".....###", ".....###", ".....###", "........", "........"])) });

    // The same export again, now that the picture is in the project: no zip needed.
    const again = await importLabelStudioUpload({ actor: manager, projectId, request: upload(projectId, json) });
    expect(again).toMatchObject({ images: 1, imagesImported: 0, annotations: 2 });
  });

  it("names a bad task and imports nothing; refuses what is not an export", async () => {
    const projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    const zip = await makeZip([{ name: "walk.png", bytes: await makePng({ width: 8, height: 5, seed: 96 }) }]);
    const polygon = (points: number[][]) => [{ id: 3, data: { image: "walk.png" }, annotations: [{ result: [{ type: "polygonlabels", value: { points, polygonlabels: ["sign"] }, original_width: 8, original_height: 5 }] }] }];
    await expect(importLabelStudioUpload({ actor: manager, projectId, request: upload(projectId, polygon([[0, 0], [50, 50]]), zip) })).rejects.toMatchObject({
      code: "bad_request",
      message: "Task 3: a polygon needs at least 3 points [x %, y %].",
    });
    const brush = [{ id: 4, data: { image: "walk.png" }, annotations: [{ result: [{ type: "brushlabels", value: { format: "rle", rle: encodeBrushRle(new Uint8Array(12)), brushlabels: ["x"] }, original_width: 8, original_height: 5 }] }] }];
    await expect(importLabelStudioUpload({ actor: manager, projectId, request: upload(projectId, brush, zip) })).rejects.toThrow(/Task 4: the brush mask holds 12 values, not 8 x 5 x 4/);
    await expect(importLabelStudioUpload({ actor: manager, projectId, request: upload(projectId, { tasks: [] }, zip) })).rejects.toThrow(/not a Label Studio JSON export/);
    expect(await db().image.count({ where: { projectId } })).toBe(0);
    const annotator = await createTestUser({ role: "annotator" });
    await expect(importLabelStudioUpload({ actor: annotator, projectId, request: upload(projectId, polygon([[0, 0], [50, 0], [50, 50]]), zip) })).rejects.toMatchObject({ code: "not_found" });
  });
});
