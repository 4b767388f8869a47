// The "CVAT for images 1.1" export on real Postgres: labels with colours and
// attribute definitions in the header, and every labelled mask whole (an
// overlapped one too) as CVAT's run lengths over its box, decoded here the way
// CVAT decodes them, with its attribute values and smaller masks on top.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeMaskToRle, maskFromRows, maskToRows } from "@/lib/mask";
import { TASK_STATUSES } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { importCocoDataset } from "../coco-import/import-coco-dataset";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { exportKeyFor, storedFilePath } from "../storage/content-store";
import { closeTestDb } from "../testing/close-test-db";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
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

/** CVAT's decoding: runs over width x height, row by row, starting with background. */
function decodeCvatMask(rle: string, width: number, height: number): number[] {
  const out = new Array<number>(width * height).fill(0);
  let at = 0;
  rle.split(",").map((count) => Number(count.trim())).forEach((count, index) => {
    out.fill(index % 2, at, at + count);
    at += count;
  });
  expect(at).toBe(width * height);
  return out;
}

/** The mask element placed back on the whole picture, as rows like maskToRows gives. */
function placed(attributes: Record<string, string>, imageWidth: number, imageHeight: number): string[] {
  const [left, top, width, height] = ["left", "top", "width", "height"].map((key) => Number(attributes[key]));
  const crop = decodeCvatMask(attributes.rle!, width!, height!);
  return Array.from({ length: imageHeight }, (_, y) =>
    Array.from({ length: imageWidth }, (_, x) => {
      const inside = x >= left! && x < left! + width! && y >= top! && y < top! + height!;
      return inside ? String(crop[(y - top!) * width! + (x - left!)]) : "0";
    }).join(""),
  );
}

const xmlAttributes = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));

describe("CVAT for images 1.1 export", () => {
  it("writes labels, attributes and whole masks that decode back to the stored ones", async () => {
    const projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
    const road = maskFromRows(["#######", "#######", "#######", "#######"]);
    const car = maskFromRows([".......", ".###...", ".##....", "......."]); // over the road: kept whole there
    const sign = maskFromRows([".......", ".......", ".......", ".....##"]);
    const json = {
      images: [{ id: 1, file_name: "a&b.png", width: 7, height: 4 }],
      categories: [{ id: 1, name: "road", color: "#808080" }, { id: 2, name: "car <small>", color: "#FF0000" }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, segmentation: encodeMaskToRle(road), iscrowd: 0 },
        { id: 2, image_id: 1, category_id: 2, segmentation: encodeMaskToRle(car), iscrowd: 0, attributes: { parked: true, doors: 4 } },
        { id: 3, image_id: 1, category_id: 2, segmentation: encodeMaskToRle(sign), iscrowd: 0, attributes: { parked: false, doors: 2 } },
      ],
    };
    const zip = await makeZip([{ name: "images/a&b.png", bytes: await makePng({ width: 7, height: 4, seed: 91 }) }]);
    await importCocoDataset({ actor: manager, projectId, json: Buffer.from(JSON.stringify(json)), zip });
    const image = await db().image.findFirstOrThrow({ where: { projectId } });
    const unlabelled = encodeMaskToRle(maskFromRows(["#......", ".......", ".......", "......."]));
    await db().annotation.create({ data: { projectId, imageId: image.id, rleCounts: unlabelled.counts, maskHeight: 4, maskWidth: 7, bbox: [0, 0, 1, 1], area: 1, authorId: manager.id } });

    const started = await startExport({ actor: manager, projectId, input: { format: "cvat", includeImages: true, statuses: [...TASK_STATUSES] } });
    expect((await runExportJob({ exportId: started.id })).status).toBe("done");
    const files = await readZip(storedFilePath(exportKeyFor(started.id)));
    expect([...files.keys()].sort()).toEqual(["README.txt", "annotations.xml", "images/a&b.png"]);
    const xml = files.get("annotations.xml")!.toString("utf8");

    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<annotations>\n  <version>1.1</version>')).toBe(true);
    expect(xml.trimEnd().endsWith("</annotations>")).toBe(true);
    expect(xml).toContain("<size>1</size>");
    expect(xml).toContain("<label><name>road</name><color>#808080</color><type>any</type><attributes></attributes></label>");
    const carLabel = /<label><name>car &lt;small&gt;<\/name><color>#ff0000<\/color>[\s\S]*?<\/label>/.exec(xml)?.[0] ?? "";
    expect(carLabel).toContain("<name>parked</name><mutable>False</mutable><input_type>checkbox</input_type><default_value>false</default_value><values>false\ntrue</values>");
    expect(carLabel).toContain("<name>doors</name><mutable>False</mutable><input_type>number</input_type><default_value>2</default_value><values>2\n4\n1</values>");
    expect(xml).toContain('<image id="0" name="a&amp;b.png" width="7" height="4">');

    const masks = [...xml.matchAll(/<mask ([^>]*)>(.*?)<\/mask>/g)].map((match): Record<string, string> => ({ ...xmlAttributes(match[1]!), body: match[2]! }));
    expect(masks.map((mask) => [mask.label, mask.z_order])).toEqual([["road", "0"], ["car &lt;small&gt;", "1"], ["car &lt;small&gt;", "2"]]);
    expect(masks.map((mask) => placed(mask, 7, 4))).toEqual([maskToRows(road), maskToRows(car), maskToRows(sign)]);
    expect(masks.map((mask) => [mask.left, mask.top, mask.width, mask.height])).toEqual([["0", "0", "7", "4"], ["1", "1", "3", "2"], ["5", "3", "2", "1"]]);
    expect(masks[1]!.body).toBe('<attribute name="parked">true</attribute><attribute name="doors">4</attribute>');
    expect(masks[2]!.body).toBe('<attribute name="parked">false</attribute><attribute name="doors">2</attribute>');
  });
});
