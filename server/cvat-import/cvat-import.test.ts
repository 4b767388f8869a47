// CVAT for images 1.1 import on real Postgres: this project's CVAT export
// comes back into a new project mask for mask (overlapping masks whole), with
// label colours and attribute values; a hand-written CVAT file gives polygons
// rasterised, typed attributes and CVAT's occluded flag, leaves boxes and tags
// out (counted); a bad file is named with its line and nothing is imported.
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
import { stopQueue } from "../jobs/queue";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { closeTestDb } from "../testing/close-test-db";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { importCvatUpload } from "./import-cvat-upload";

setupTempDataDir();

let manager: Actor;
const newProject = async () => (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;

function upload(projectId: string, zip: Buffer): Request {
  const form = new FormData();
  form.set("dataset", new Blob([new Uint8Array(zip)], { type: "application/zip" }), "cvat.zip");
  return new Request(`http://localhost/api/projects/${projectId}/cvat-import`, { method: "POST", body: form });
}

/** Each live mask as "label {attributes}" and its rows, sorted. */
async function storedMasks(projectId: string): Promise<string[]> {
  const rows = await db().annotation.findMany({ where: { projectId, deletedAt: null }, include: { labelClass: true } });
  return rows
    .map((row) => `${row.labelClass?.name ?? "-"} ${JSON.stringify(row.attributes)}\n${maskToRows(decodeRleToMask({ size: [row.maskHeight, row.maskWidth], counts: row.rleCounts })).join("\n")}`)
    .sort();
}

beforeAll(async () => {
  manager = await createTestUser({ role: "manager" });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

describe("CVAT for images 1.1 import", () => {
  it("reads this project's CVAT export back mask for mask, overlaps whole, with colours and attributes", async () => {
    const source = await newProject();
    const road = maskFromRows(["#######", "#######", "#######", "#######"]);
    const car = maskFromRows([".......", ".###...", ".##....", "......."]);
    const json = {
      images: [{ id: 1, file_name: "street.png", width: 7, height: 4 }],
      categories: [{ id: 1, name: "road", color: "#808080" }, { id: 2, name: "car", color: "#FF0000" }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, segmentation: encodeMaskToRle(road), iscrowd: 0, attributes: { occluded: false } },
        { id: 2, image_id: 1, category_id: 2, segmentation: encodeMaskToRle(car), iscrowd: 0, attributes: { occluded: true, doors: 4, parked: true } },
      ],
    };
    const zip = await makeZip([{ name: "images/street.png", bytes: await makePng({ width: 7, height: 4, seed: 93 }) }]);
    await importCocoDataset({ actor: manager, projectId: source, json: Buffer.from(JSON.stringify(json)), zip });
    const started = await startExport({ actor: manager, projectId: source, input: { format: "cvat", includeImages: true, statuses: [...TASK_STATUSES] } });
    expect((await runExportJob({ exportId: started.id })).status).toBe("done");
    const exported = await readFile(storedFilePath(exportKeyFor(started.id)));

    const target = await newProject();
    const result = await importCvatUpload({ actor: manager, projectId: target, request: upload(target, exported) });
    expect(result).toMatchObject({ format: "cvat", images: 1, imagesImported: 1, annotations: 2, skippedShapes: {} });
    expect(await storedMasks(target)).toEqual(await storedMasks(source));
    const classes = await db().labelClass.findMany({ where: { projectId: target }, orderBy: { position: "asc" }, select: { name: true, color: true } });
    expect(classes).toEqual([{ name: "road", color: "#808080" }, { name: "car", color: "#ff0000" }]);
  });

  it("rasterises polygons, types attributes by the label's input type, counts what is not an area; a bad file imports nothing", async () => {
    const target = await newProject();
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<annotations>
  <version>1.1</version>
  <meta><task><labels>
    <label><name>person</name><color>#00ff00</color><type>any</type><attributes>
      <attribute><name>age</name><mutable>False</mutable><input_type>number</input_type><default_value>0</default_value><values>0\n120\n1</values></attribute>
      <attribute><name>note</name><mutable>False</mutable><input_type>text</input_type><default_value></default_value><values></values></attribute>
    </attributes></label>
    <label><name>unused</name><color>#0000ff</color><type>any</type><attributes></attributes></label>
  </labels></task></meta>
  <image id="0" name="walk.png" width="6" height="4">
    <box label="person" occluded="0" xtl="0" ytl="0" xbr="2" ybr="2" z_order="0"></box>
    <polygon label="person" occluded="1" points="1,1;4,1;4,3;1,3" z_order="1"><attribute name="age">42</attribute><attribute name="note">7 &amp; up</attribute></polygon>
    <tag label="person"></tag>
  </image>
</annotations>`;
    const zip = await makeZip([
      { name: "annotations.xml", bytes: Buffer.from(xml) },
      { name: "images/walk.png", bytes: await makePng({ width: 6, height: 4, seed: 94 }) },
    ]);
    const result = await importCvatUpload({ actor: manager, projectId: target, request: upload(target, zip) });
    expect(result).toMatchObject({ annotations: 1, skippedShapes: { box: 1, tag: 1 } });
    const [mask] = await db().annotation.findMany({ where: { projectId: target } });
    expect(mask!.attributes).toEqual({ occluded: true, age: 42, note: "7 & up" });
    expect(maskToRows(decodeRleToMask({ size: [mask!.maskHeight, mask!.maskWidth], counts: mask!.rleCounts }))).toEqual(
      maskToRows(maskFromRows(["......", ".###..", ".###..", "......"])),
    );
    expect((await db().labelClass.findMany({ where: { projectId: target }, orderBy: { position: "asc" } })).map((label) => [label.name, label.color])).toEqual([
      ["person", "#00ff00"],
      ["unused", "#0000ff"],
    ]);

    const other = await newProject();
    const refusals: [string, RegExp][] = [
      [xml.replace('points="1,1;4,1;4,3;1,3"', 'points="1,1;4,1"'), /line 15: a polygon needs at least 3 points/],
      [xml.replace("<tag label=\"person\"></tag>", '<mask label="person" rle="3, 50" left="0" top="0" width="2" height="2"></mask>'), /line 16: rle covers more than the box's 4 pixels/],
      [xml.replace("<box ", "<track><box ").replace("</box>", "</box></track>"), /tracks are CVAT for video/],
      [xml.replace("</annotations>", ""), /not well-formed XML \(the file ends inside <annotations>\)/],
    ];
    for (const [text, pattern] of refusals) {
      const bad = await makeZip([{ name: "annotations.xml", bytes: Buffer.from(text) }, { name: "images/walk.png", bytes: await makePng({ width: 6, height: 4, seed: 94 }) }]);
      await expect(importCvatUpload({ actor: manager, projectId: other, request: upload(other, bad) })).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(pattern) });
    }
    const noXml = await makeZip([{ name: "images/walk.png", bytes: await makePng({ width: 6, height: 4, seed: 94 }) }]);
    await expect(importCvatUpload({ actor: manager, projectId: other, request: upload(other, noXml) })).rejects.toThrow(/no annotations.xml/);
    expect(await db().annotation.count({ where: { projectId: other } })).toBe(0);
    expect(await db().image.count({ where: { projectId: other } })).toBe(0);
    const annotator = await createTestUser({ role: "annotator" });
    await expect(importCvatUpload({ actor: annotator, projectId: other, request: upload(other, zip) })).rejects.toMatchObject({ code: "not_found" });
  });
});
