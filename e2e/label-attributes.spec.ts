// A manager gives a label class attributes; in the editor the selected mask
// shows them, a change is saved (and undone with Ctrl+Z like any edit), it
// survives a reload, and the COCO export carries it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readZip } from "../server/exports/testing/coco-fixture";
import { expect, test } from "@playwright/test";
import { dragPixels, expectAllSaved } from "./editor-helpers";
import { fixturePath, screenshot, signInAs } from "./support/session";

test("label and image attributes are defined, set in the editor, saved, undone and exported", async ({ page }) => {
  await signInAs(page, "manager");
  const projectId = ((await (await page.request.post("/api/projects", { data: { name: "Attributes project" } })).json()) as { id: string }).id;
  const upload = await page.request.post(`/api/projects/${projectId}/images`, {
    multipart: { file: { name: "cars.png", mimeType: "image/png", buffer: readFileSync(fixturePath("shape-640x480.png")) } },
  });
  const imageId = ((await upload.json()) as { image: { id: string } }).image.id;

  await page.goto(`/projects/${projectId}?tab=labels`);
  const add = page.getByRole("form", { name: "Add label class" });
  await add.getByLabel("Label name").fill("car");
  await add.getByRole("button", { name: "Add label" }).click();
  await page.getByRole("button", { name: "Attributes of car" }).click();
  const editor = page.getByRole("group", { name: "Attributes of car" });
  await editor.getByRole("button", { name: "Add attribute" }).click();
  await editor.getByLabel("Attribute 1 name").fill("occluded");
  await editor.getByRole("button", { name: "Add attribute" }).click();
  await editor.getByLabel("Attribute 2 name").fill("colour");
  await editor.getByLabel("Attribute 2 kind").selectOption("select");
  await editor.getByLabel("Attribute 2 options").fill("red");
  await editor.getByRole("button", { name: "Save attributes" }).click();
  await expect(editor.getByTestId("form-error")).toContainText("A list attribute needs at least 2 options");
  await editor.getByLabel("Attribute 2 options").fill("red, blue");
  await screenshot(page, "label-attributes-editor");
  await editor.getByRole("button", { name: "Save attributes" }).click();
  await expect(page.getByTestId("label-attributes")).toHaveText("Attributes: occluded (yes / no) · colour (red / blue)");

  // Attributes of the whole image, in the same tab.
  await page.getByRole("button", { name: "Edit image attributes" }).click();
  const imageEditor = page.getByRole("group", { name: "Image attributes" });
  await imageEditor.getByRole("button", { name: "Add attribute" }).click();
  await imageEditor.getByLabel("Attribute 1 name").fill("weather");
  await imageEditor.getByLabel("Attribute 1 kind").selectOption("select");
  await imageEditor.getByLabel("Attribute 1 options").fill("sun, rain");
  await imageEditor.getByRole("button", { name: "Save attributes" }).click();
  await expect(page.getByTestId("image-attribute-definitions")).toContainText("weather (sun / rain)");

  await page.goto(`/projects/${projectId}/annotate/${imageId}`);
  await expect(page.getByTestId("editor-stage")).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("1");
  await page.keyboard.press("b");
  for (let i = 0; i < 6; i++) await page.keyboard.press("]");
  await dragPixels(page, [{ x: 260, y: 240 }, { x: 320, y: 240 }, { x: 380, y: 240 }]);
  await expect(page.getByTestId("editor")).toHaveAttribute("data-object-count", "1");
  const imagePanel = page.getByTestId("image-attributes");
  await imagePanel.getByLabel("Attribute weather").selectOption("rain");
  await expect(imagePanel).toHaveAttribute("data-state", "saved");
  await page.getByRole("button", { name: "Select object 1" }).click();
  const attributes = page.getByTestId("object-attributes");
  await attributes.getByLabel("Attribute occluded").check();
  await attributes.getByLabel("Attribute colour").selectOption("blue");
  await expectAllSaved(page);
  await page.keyboard.press("Control+z");
  await expect(attributes.getByLabel("Attribute colour")).toHaveValue("");
  await attributes.getByLabel("Attribute colour").selectOption("red");
  await expectAllSaved(page);
  await screenshot(page, "editor-object-attributes");

  await page.reload();
  await expect(page.getByTestId("editor-stage")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("object-attribute-summary")).toHaveText("occluded: yes · colour: red");
  await expect(page.getByTestId("image-attributes").getByLabel("Attribute weather")).toHaveValue("rain");
  const saved = ((await (await page.request.get(`/api/images/${imageId}/annotations`)).json()) as { annotations: { attributes: unknown }[] }).annotations;
  expect(saved.map((row) => row.attributes)).toEqual([{ occluded: true, colour: "red" }]);

  const started = await page.request.post(`/api/projects/${projectId}/exports`, { data: { format: "coco", statuses: ["todo", "in_progress", "submitted", "accepted", "rejected", "skipped"] } });
  const exportId = ((await started.json()) as { id: string }).id;
  await expect.poll(async () => ((await (await page.request.get(`/api/exports/${exportId}`)).json()) as { status: string }).status, { timeout: 60_000 }).toBe("done");
  const zipPath = path.join(mkdtempSync(path.join(os.tmpdir(), "mw-e2e-attributes-")), "export.zip");
  writeFileSync(zipPath, await (await page.request.get(`/api/exports/${exportId}/download`)).body());
  const coco = JSON.parse((await readZip(zipPath)).get("annotations/instances.json")!.toString("utf8")) as { images: { attributes?: unknown }[]; annotations: { attributes?: unknown }[] };
  expect(coco.annotations.map((annotation) => annotation.attributes)).toEqual([{ occluded: true, colour: "red" }]);
  expect(coco.images.map((image) => image.attributes)).toEqual([{ weather: "rain" }]);

  // The Images tab narrows to images by an image attribute's value.
  await page.goto(`/projects/${projectId}?tab=images`);
  await page.getByLabel("Images whose attribute is").selectOption({ label: "weather: rain" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/attr=weather%3Drain/);
  await expect(page.getByTestId("image-card")).toHaveCount(1);
  await screenshot(page, "project-images-attribute-filter");
  await page.getByLabel("Images whose attribute is").selectOption({ label: "weather: sun" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("no-matching-images")).toBeVisible();
});
