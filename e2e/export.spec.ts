import { expect, test } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { buildCocoFixture, makeZip, readZip } from "../server/exports/testing/coco-fixture";
import { screenshot, signInAs } from "./support/session";

test("a manager imports COCO pre-labels, exports the demo project as COCO and downloads the zip; an annotator gets 403", async ({ browser }) => {
  const fixture = await buildCocoFixture({ seed: 31 });
  const zip = await makeZip(fixture.images.map((image) => ({ name: `images/${image.fileName}`, bytes: image.bytes })));

  const managerContext = await browser.newContext({ acceptDownloads: true });
  const manager = await managerContext.newPage();
  await signInAs(manager, "manager");
  await manager.getByRole("link", { name: /Demo: shapes and scenes/ }).click();
  await manager.waitForURL(/\/projects\/[^/?]+/);
  const projectId = manager.url().split("/projects/")[1]?.split(/[/?#]/)[0] ?? "";
  expect(projectId).not.toBe("");
  await manager.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Export" }).click();
  await manager.waitForURL(new RegExp(`/projects/${projectId}/export$`));
  await expect(manager.getByRole("heading", { name: "New export" })).toBeVisible();
  await screenshot(manager, "export-page");

  // A bad file: one annotation names a category the file does not define. Nothing is imported.
  const importForm = manager.getByRole("form", { name: "Import COCO pre-labels" });
  const bad = structuredClone(fixture.json) as { annotations: { category_id: number }[] };
  (bad.annotations[0] as { category_id: number }).category_id = 99;
  await importForm.getByLabel("COCO instances JSON").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await importForm.getByLabel("Images (zip)").setInputFiles({ name: "images.zip", mimeType: "application/zip", buffer: zip });
  await importForm.getByRole("button", { name: "Import pre-labels" }).click();
  await expect(importForm.getByRole("alert")).toContainText("Nothing was imported. Annotation 1001 has category_id 99");
  await screenshot(manager, "export-import-error");

  await importForm.getByLabel("COCO instances JSON").setInputFiles({ name: "instances.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(fixture.json)) });
  await importForm.getByLabel("Images (zip)").setInputFiles({ name: "images.zip", mimeType: "application/zip", buffer: zip });
  await importForm.getByRole("button", { name: "Import pre-labels" }).click();
  await expect(importForm.getByRole("status")).toContainText("Imported 6 annotation(s) on 2 image(s) (2 new, 0 already in the project)");
  await screenshot(manager, "export-import-done");

  // Pre-labels sit on "to do" tasks: export those (accepted is ticked by default), with the images.
  const exportForm = manager.getByRole("form", { name: "New export" });
  await exportForm.getByLabel("COCO instances JSON (RLE)").check();
  await exportForm.getByLabel("To do").check();
  await exportForm.getByLabel("Include the image files").check();
  await exportForm.getByRole("button", { name: "Start export" }).click();
  const row = manager.getByTestId("export-row").first();
  await expect(row).toHaveAttribute("data-status", /queued|running|done/);
  await screenshot(manager, "export-started");
  await expect(row).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(row.getByText(/Available until/)).toBeVisible();
  await screenshot(manager, "export-done");

  const [download] = await Promise.all([manager.waitForEvent("download"), row.getByRole("link", { name: /Download zip/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^maskwright-coco-.*\.zip$/);
  const saved = path.join(mkdtempSync(path.join(os.tmpdir(), "mw-e2e-export-")), download.suggestedFilename());
  await download.saveAs(saved);
  const files = await readZip(saved);
  const coco = JSON.parse(files.get("annotations/instances.json")?.toString("utf8") ?? "{}") as { images: { id: number }[]; annotations: { id: number }[]; categories: { name: string }[] };
  // Earlier browser tests may have added masks to the demo project: every imported object must be there with its COCO id.
  expect(coco.annotations.map((annotation) => annotation.id)).toEqual(expect.arrayContaining(fixture.objects.map((object) => object.id)));
  // The demo's own images (no annotations, tasks to do) are in the export too; the fixture's keep their ids.
  expect(coco.images.map((image) => image.id)).toEqual(expect.arrayContaining([42, 7]));
  expect(coco.categories.map((category) => category.name)).toEqual(expect.arrayContaining(["object", "ground", "cat", "dog", "unused"]));
  for (const image of fixture.images) expect(files.get(`images/${image.fileName}`)?.equals(image.bytes)).toBe(true);
  const exportId = (await row.getByRole("link", { name: /Download zip/ }).getAttribute("href"))?.split("/")[3] ?? "";
  expect(exportId).not.toBe("");

  // The same images as YOLO, split 80 / 20 / 0: the form names a split that does not add up before it is sent.
  await exportForm.getByLabel("YOLO segmentation (txt + classes)").check();
  await exportForm.getByLabel("Split into train / val / test folders").check();
  await exportForm.getByLabel("Train %").fill("80");
  await expect(exportForm.getByRole("alert")).toHaveText("The parts add up to 110%, not 100%.");
  await screenshot(manager, "export-split-invalid");
  await exportForm.getByLabel("Test %").fill("0");
  await exportForm.getByLabel("Seed").fill("7");
  await exportForm.getByLabel("Resize to a longest side of (px)").fill("64");
  // Near-duplicates: one picture per group, groups kept in one part (this project has none: the README says so).
  await exportForm.getByTestId("export-drop-near-duplicates").check();
  await exportForm.getByTestId("split-near-duplicates").check();
  await expect(exportForm.getByRole("alert")).toHaveCount(0);
  await screenshot(manager, "export-split-form");
  await exportForm.getByRole("button", { name: "Start export" }).click();
  const splitRow = manager.getByTestId("export-row").first();
  await expect(splitRow.getByText(/split 80\/20\/0 \(seed 7\)/)).toBeVisible();
  await expect(splitRow).toContainText("one per near-duplicate group");
  await expect(splitRow).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  // Kept, it no longer expires (a dataset version to come back to).
  await splitRow.getByRole("button", { name: "Keep" }).click();
  await expect(splitRow).toHaveAttribute("data-kept", "true");
  await expect(splitRow).toContainText("Kept: not deleted automatically");
  await screenshot(manager, "export-split-done");
  const [splitDownload] = await Promise.all([manager.waitForEvent("download"), splitRow.getByRole("link", { name: /Download zip/ }).click()]);
  const splitSaved = path.join(mkdtempSync(path.join(os.tmpdir(), "mw-e2e-export-")), splitDownload.suggestedFilename());
  await splitDownload.saveAs(splitSaved);
  const splitFiles = await readZip(splitSaved);
  const yaml = splitFiles.get("data.yaml")?.toString("utf8") ?? "";
  const splitReadme = splitFiles.get("README.txt")?.toString("utf8") ?? "";
  // Earlier browser tests may have added copies of the same generated shapes to the demo project: however many were
  // left out, what remains has no near-duplicates, so no group needed keeping together.
  const leftOut = Number(/Near-duplicates: (\d+) picture\(s\) left out/.exec(splitReadme)?.[1] ?? "NaN");
  expect(leftOut).toBeGreaterThanOrEqual(0);
  expect(splitReadme).toContain("Near-duplicate pictures were kept in one part: 0 group(s)");
  expect(yaml).toContain("train: train/images\n");
  expect(yaml).toContain("val: val/images\n");
  const inPart = (part: string) => [...splitFiles.keys()].filter((name) => name.startsWith(`${part}/images/`)).length;
  const exported = coco.images.length - leftOut;
  // 80% of the images (rounded; a part asked for gets at least one) go to train, the rest to val, none to test.
  expect(inPart("train") + inPart("val")).toBe(exported);
  expect(inPart("val")).toBeGreaterThanOrEqual(1);
  expect(Math.abs(inPart("train") - 0.8 * exported)).toBeLessThanOrEqual(1);
  expect(inPart("test")).toBe(0);
  // Resized: every picture's longest side is 64 px now.
  const firstPicture = [...splitFiles.keys()].find((name) => /^train\/images\//.test(name))!;
  const pictureSize = await sharp(splitFiles.get(firstPicture)!).metadata();
  expect(Math.max(pictureSize.width ?? 0, pictureSize.height ?? 0)).toBe(64);

  // Checks before export ran again by themselves after the import: the fixture's one-pixel objects are specks;
  // the link shows just their images.
  const tiny = manager.locator('[data-testid="dataset-check"][data-issue="tiny"]');
  await expect(tiny).not.toHaveAttribute("data-images", "0");
  // Near-duplicate pictures are a check of their own (hashes come with the thumbnails).
  await expect(manager.locator('[data-testid="dataset-check"][data-issue="near_duplicate"]')).toContainText("Near-duplicate pictures");
  await screenshot(manager, "export-checks");
  await tiny.getByRole("link").click();
  await expect(manager).toHaveURL(/tab=images&issue=tiny/);
  await expect(manager.getByTestId("image-issue-filter")).toContainText("Check: Masks under 16 px");
  const flagged = manager.getByTestId("image-card");
  await expect(flagged.filter({ hasText: "ring-31.png" })).toHaveCount(1);
  await expect(flagged.filter({ hasText: "border-31.png" })).toHaveCount(1);

  // An annotator of the same project: the page says no, and every export API answers 403.
  const annotatorContext = await browser.newContext();
  const annotator = await annotatorContext.newPage();
  await signInAs(annotator, "annotator");
  await annotator.goto(`/projects/${projectId}/export`);
  await expect(annotator.getByText("Only the project's managers can export datasets")).toBeVisible();
  await screenshot(annotator, "export-annotator");
  expect((await annotator.request.post(`/api/projects/${projectId}/exports`, { data: { format: "coco" } })).status()).toBe(403);
  expect((await annotator.request.get(`/api/projects/${projectId}/exports`)).status()).toBe(403);
  const refused = await annotator.request.get(`/api/exports/${exportId}/download`);
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).not.toBe("application/zip");
  await Promise.all([managerContext.close(), annotatorContext.close()]);
});

test("a manager imports a YOLO segmentation zip into a new project; a bad line is named and nothing is imported", async ({ page }) => {
  const fixture = await buildCocoFixture({ seed: 32 });
  const [first, second] = fixture.images;
  const triangle = "1 0.1 0.1 0.9 0.1 0.5 0.9\n";
  const files = (labelA: string) => [
    { name: "dataset/data.yaml", bytes: Buffer.from("names:\n  0: cup\n  1: saucer\n") },
    { name: "dataset/images/a.png", bytes: first!.bytes },
    { name: "dataset/labels/a.txt", bytes: Buffer.from(labelA) },
    { name: "dataset/images/b.png", bytes: second!.bytes },
    { name: "dataset/labels/b.txt", bytes: Buffer.from(`0 0 0 1 0 1 1 0 1\n${triangle}`) },
  ];
  await signInAs(page, "manager");
  const created = await page.request.post("/api/projects", { data: { name: "YOLO import" } });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  await page.goto(`/projects/${projectId}/export`);
  const form = page.getByRole("form", { name: "Import a YOLO dataset" });

  await form.getByLabel("YOLO segmentation dataset (zip)").setInputFiles({ name: "bad.zip", mimeType: "application/zip", buffer: await makeZip(files("1 0.1 0.1 0.9 0.9\n")) });
  await form.getByRole("button", { name: "Import YOLO dataset" }).click();
  await expect(form.getByRole("alert")).toContainText("Nothing was imported. dataset/labels/a.txt, line 1: it has 4 numbers, a YOLO detection box (cx cy w h), not a segmentation polygon.");

  await form.getByLabel("YOLO segmentation dataset (zip)").setInputFiles({ name: "cups.zip", mimeType: "application/zip", buffer: await makeZip(files(triangle)) });
  await form.getByRole("button", { name: "Import YOLO dataset" }).click();
  await expect(form.getByRole("status")).toContainText("Imported 3 mask(s) on 2 image(s) (2 new, 0 already in the project); new label classes: cup, saucer.");
  await screenshot(page, "export-yolo-import-done");
  await page.goto(`/projects/${projectId}?tab=labels`);
  await expect(page.getByRole("region", { name: "Label classes" })).toContainText("saucer");
});

test("a manager imports a CVAT Segmentation mask zip: an unknown colour is named first, then one mask per object", async ({ page }) => {
  const fixture = await buildCocoFixture({ seed: 33 });
  const picture = fixture.images[0]!; // 12 x 9
  // Class and object PNGs painted in code: two cars and a person on the 12 x 9 picture.
  const paint = async (colourAt: (x: number, y: number) => number) => {
    const raw = Buffer.alloc(picture.width * picture.height * 3);
    for (let y = 0; y < picture.height; y++) {
      for (let x = 0; x < picture.width; x++) {
        const colour = colourAt(x, y);
        raw.set([colour >> 16, (colour >> 8) & 0xff, colour & 0xff], (y * picture.width + x) * 3);
      }
    }
    return sharp(raw, { raw: { width: picture.width, height: picture.height, channels: 3 } }).png().toBuffer();
  };
  const objectAt = (x: number, y: number) => (y < 4 && x < 4 ? 1 : y >= 5 && x < 4 ? 2 : x >= 7 ? 3 : 0);
  const carColour = 0xfa3253;
  const classPng = await paint((x, y) => [0, carColour, carColour, 0x0000ff][objectAt(x, y)]!);
  const objectPng = await paint((x, y) => [0, 0x101010, 0x202020, 0x303030][objectAt(x, y)]!);
  const files = (labelmap: string) => [
    { name: "cvat/labelmap.txt", bytes: Buffer.from(labelmap) },
    { name: "cvat/JPEGImages/street.png", bytes: picture.bytes },
    { name: "cvat/SegmentationClass/street.png", bytes: classPng },
    { name: "cvat/SegmentationObject/street.png", bytes: objectPng },
  ];
  await signInAs(page, "manager");
  const created = await page.request.post("/api/projects", { data: { name: "PNG import" } });
  const projectId = ((await created.json()) as { id: string }).id;
  await page.goto(`/projects/${projectId}/export`);
  const form = page.getByRole("form", { name: "Import PNG masks" });

  await form.getByLabel("Mask PNGs (zip)").setInputFiles({ name: "bad.zip", mimeType: "application/zip", buffer: await makeZip(files("background:0,0,0::\ncar:250,50,83::\n")) });
  await form.getByRole("button", { name: "Import PNG masks" }).click();
  await expect(form.getByRole("alert")).toContainText("Nothing was imported. cvat/SegmentationClass/street.png: the colour (0, 0, 255) is not a class in labelmap.txt.");
  await screenshot(page, "export-png-import-error");

  await form.getByLabel("Mask PNGs (zip)").setInputFiles({ name: "street.zip", mimeType: "application/zip", buffer: await makeZip(files("background:0,0,0::\ncar:250,50,83::\nperson:0,0,255::\n")) });
  await form.getByRole("button", { name: "Import PNG masks" }).click();
  await expect(form.getByRole("status")).toContainText("Imported 3 mask(s) on 1 image(s) (1 new, 0 already in the project); new label classes: car, person.");
  await screenshot(page, "export-png-import-done");
  const listed = await page.request.get(`/api/projects/${projectId}/images`);
  const imageId = ((await listed.json()) as { items: { id: string }[] }).items[0]!.id;
  const masks = (await (await page.request.get(`/api/images/${imageId}/annotations`)).json()) as { annotations: { area: number }[] };
  expect(masks.annotations.map((mask) => mask.area).sort((a, b) => a - b)).toEqual([16, 16, 45]);
});

test("a manager imports a CVAT for images 1.1 zip: a broken file is named by line, then masks, polygons and attributes come in", async ({ page }) => {
  const fixture = await buildCocoFixture({ seed: 35 });
  const picture = fixture.images[0]!; // 12 x 9
  const xml = (polygon: string) => `<?xml version="1.0" encoding="utf-8"?>
<annotations><version>1.1</version>
<meta><task><labels><label><name>car</name><color>#fa3253</color><type>any</type><attributes>
<attribute><name>parked</name><mutable>False</mutable><input_type>checkbox</input_type><default_value>false</default_value><values>false
true</values></attribute></attributes></label></labels></task></meta>
<image id="0" name="${picture.fileName}" width="${picture.width}" height="${picture.height}">
<mask label="car" source="manual" occluded="0" rle="0, 4, 8, 4" left="0" top="0" width="4" height="4" z_order="0"><attribute name="parked">true</attribute></mask>
<polygon label="car" occluded="1" points="${polygon}" z_order="1"></polygon>
<box label="car" occluded="0" xtl="0" ytl="0" xbr="3" ybr="3"></box>
</image></annotations>`;
  await signInAs(page, "manager");
  const created = await page.request.post("/api/projects", { data: { name: "CVAT import" } });
  const projectId = ((await created.json()) as { id: string }).id;
  await page.goto(`/projects/${projectId}/export`);
  const form = page.getByRole("form", { name: "Import a CVAT export" });
  const zip = async (polygon: string) =>
    makeZip([{ name: "task/annotations.xml", bytes: Buffer.from(xml(polygon)) }, { name: `task/images/${picture.fileName}`, bytes: picture.bytes }]);

  await form.getByLabel("CVAT for images 1.1 (zip)").setInputFiles({ name: "bad.zip", mimeType: "application/zip", buffer: await zip("6,5;11,5") });
  await form.getByRole("button", { name: "Import CVAT export" }).click();
  await expect(form.getByRole("alert")).toContainText("Nothing was imported. annotations.xml, line 8: a polygon needs at least 3 points");

  await form.getByLabel("CVAT for images 1.1 (zip)").setInputFiles({ name: "task.zip", mimeType: "application/zip", buffer: await zip("6,5;11,5;11,9;6,9") });
  await form.getByRole("button", { name: "Import CVAT export" }).click();
  await expect(form.getByRole("status")).toContainText("Imported 2 mask(s) on 1 image(s) (1 new, 0 already in the project); new label classes: car");
  await expect(form.getByRole("status")).toContainText("1 box left out (not areas)");
  await screenshot(page, "export-cvat-import-done");
  const listed = await page.request.get(`/api/projects/${projectId}/images`);
  const imageId = ((await listed.json()) as { items: { id: string }[] }).items[0]!.id;
  const masks = (await (await page.request.get(`/api/images/${imageId}/annotations`)).json()) as { annotations: { area: number; attributes: Record<string, unknown> }[] };
  expect(masks.annotations.map((mask) => [mask.area, mask.attributes]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
    [8, { occluded: false, parked: true }],
    [20, { occluded: true }],
  ]);
});

test("a manager imports a Label Studio JSON export: polygons come in, boxes are counted as left out", async ({ page }) => {
  const fixture = await buildCocoFixture({ seed: 36 });
  const picture = fixture.images[0]!; // 12 x 9
  const tasks = [
    {
      id: 1,
      data: { image: `/data/upload/2/0a1b2c3d-${picture.fileName}` },
      annotations: [
        {
          result: [
            { type: "polygonlabels", value: { points: [[0, 0], [50, 0], [50, 100], [0, 100]], polygonlabels: ["tree"] }, original_width: picture.width, original_height: picture.height },
            { type: "rectanglelabels", value: { x: 0, y: 0, width: 10, height: 10, rectanglelabels: ["tree"] }, original_width: picture.width, original_height: picture.height },
          ],
        },
      ],
    },
  ];
  await signInAs(page, "manager");
  const created = await page.request.post("/api/projects", { data: { name: "Label Studio import" } });
  const projectId = ((await created.json()) as { id: string }).id;
  await page.goto(`/projects/${projectId}/export`);
  const form = page.getByRole("form", { name: "Import a Label Studio export" });
  await form.getByLabel("Label Studio JSON export").setInputFiles({ name: "project-2.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(tasks)) });
  await form.getByLabel("Images (zip)").setInputFiles({ name: "images.zip", mimeType: "application/zip", buffer: await makeZip([{ name: picture.fileName, bytes: picture.bytes }]) });
  await form.getByRole("button", { name: "Import Label Studio export" }).click();
  await expect(form.getByRole("status")).toContainText("Imported 1 annotation(s) on 1 image(s) (1 new, 0 already in the project); new label classes: tree; left out: 1 rectanglelabels.");
  await screenshot(page, "export-label-studio-import-done");
  const listed = (await (await page.request.get(`/api/projects/${projectId}/images`)).json()) as { items: { id: string; fileName: string }[] };
  expect(listed.items.map((image) => image.fileName)).toEqual([picture.fileName]);
  const masks = (await (await page.request.get(`/api/images/${listed.items[0]!.id}/annotations`)).json()) as { annotations: { area: number }[] };
  expect(masks.annotations.map((mask) => mask.area)).toEqual([6 * 9]);
});
