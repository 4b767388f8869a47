// The annotation editor in Chromium with the real model: prompts, preview,
// multi-mask choice, commit and reload, brush/eraser, clean up, split, copy/paste, undo/redo, shortcuts,
// a version conflict between two browsers, saving offline and signed out,
// saving under the queue's lease and view-only without one. The click-to-mask
// time inside the editor is measured in editor.timing.spec.ts.
//
// Saving needs a lease on the image's task for annotators and reviewers
// (server/tasks/assert-task-lease.ts); managers and admins may always save,
// so the editing flows run as the manager, and the last test goes through
// the queue as the annotator.
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signInAs } from "./support/session";
import {
  clickPixel,
  decodeCount,
  demoImages,
  dragPixels,
  editorObjects,
  expectAllSaved,
  findShapes,
  openEditor,
  rowArea,
  screenPoint,
  serverObjects,
  waitForDecode,
} from "./editor-helpers";

test.describe.configure({ mode: "serial" });

const editor = (page: Page) => page.getByTestId("editor");

test("click, preview, choose, commit, reload: the same pixels; shrink, brush, eraser, undo/redo, shortcuts", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAs(page, "manager");
  const { projectId, images } = await demoImages(page);
  const image = images[0]!;
  await openEditor(page, projectId, image.id);
  await screenshot(page, "editor-empty");
  const shapes = await findShapes(page, image.id);
  expect(shapes.length).toBeGreaterThanOrEqual(2);
  const [a, b] = shapes as [(typeof shapes)[number], (typeof shapes)[number]];

  // Hover preview: the cursor rests over a shape.
  const over = await screenPoint(page, a.x, a.y);
  await page.mouse.move(over.x, over.y);
  await expect(editor(page)).toHaveAttribute("data-hover", "true", { timeout: 10_000 });
  await screenshot(page, "editor-hover-preview");

  // A click: preview with whole / part / sub-part and their predicted IoUs.
  const before = await decodeCount(page);
  await clickPixel(page, a.x, a.y);
  await waitForDecode(page, before);
  await expect(editor(page)).toHaveAttribute("data-hover", "false");
  const options = page.getByTestId("candidate-option");
  await expect(options).toHaveCount(3);
  await expect(page.getByTestId("candidate-iou").first()).toHaveText(/IoU \d\.\d\d/);
  const chosen = await page.locator('[data-testid="candidate-option"][data-active="true"]').getAttribute("data-candidate");
  await screenshot(page, "editor-preview-candidates");
  await page.keyboard.press("c");
  await expect(page.locator('[data-testid="candidate-option"][data-active="true"]')).not.toHaveAttribute("data-candidate", chosen ?? "");
  await screenshot(page, "editor-candidate-cycled");
  await page.keyboard.press("c");
  await page.keyboard.press("c");
  await expect(page.locator('[data-testid="candidate-option"][data-active="true"]')).toHaveAttribute("data-candidate", chosen ?? "");
  // The chosen mask is about the shape's size (low-res area * (longest side / 256)^2).
  const lowResArea = Number(await editor(page).getAttribute("data-draft-area"));
  const scale = 960 / 256;
  expect(lowResArea * scale * scale).toBeGreaterThan(a.area * 0.6);
  expect(lowResArea * scale * scale).toBeLessThan(a.area * 1.6);

  // Enter commits; it is saved at once with version 1.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("object-row")).toHaveCount(1);
  await expectAllSaved(page);
  const committed = await editorObjects(page);
  expect(committed).toHaveLength(1);
  const objectId = committed[0]!.id;
  expect((await serverObjects(page, image.id)).map((o) => o.rle.counts)).toEqual([committed[0]!.counts]);
  await screenshot(page, "editor-committed");

  // Reload: the object is there with exactly the same pixels.
  await page.reload();
  await openEditor(page, projectId, image.id);
  expect((await editorObjects(page)).map((o) => [o.id, o.counts, o.version])).toEqual([[objectId, committed[0]!.counts, 1]]);
  await screenshot(page, "editor-after-reload");

  // A background click inside the second shape shrinks its mask; Esc discards the prompt.
  let count = await decodeCount(page);
  await clickPixel(page, b.x, b.y);
  count = await waitForDecode(page, count).then(() => decodeCount(page));
  const whole = Number(await editor(page).getAttribute("data-draft-area"));
  await clickPixel(page, b.x + b.depth * 0.6, b.y, { shift: true });
  await waitForDecode(page, count);
  const shrunk = Number(await editor(page).getAttribute("data-draft-area"));
  expect(shrunk).toBeLessThan(whole);
  await screenshot(page, "editor-background-click");
  await page.keyboard.press("Escape");
  await expect(editor(page)).toHaveAttribute("data-draft", "none");
  await expect(page.getByTestId("object-row")).toHaveCount(1);

  // Brush adds pixels to the selected object; eraser removes them; undo/redo round-trip.
  await page.getByRole("button", { name: "Select object 1" }).click();
  await expect(editor(page)).toHaveAttribute("data-selected", objectId);
  const row = rowArea(page, objectId);
  const area0 = Number(await row.getAttribute("data-area"));
  await page.keyboard.press("b");
  await page.keyboard.press("]");
  await expect(page.getByTestId("brush-radius")).toHaveText("10 px");
  await dragPixels(page, [{ x: a.x, y: a.y }, { x: a.x, y: a.y + a.depth + 40 }, { x: a.x + 30, y: a.y + a.depth + 60 }]);
  await expect.poll(async () => Number(await row.getAttribute("data-area"))).toBeGreaterThan(area0);
  const area1 = Number(await row.getAttribute("data-area"));
  await screenshot(page, "editor-brush");
  await page.keyboard.press("Control+z");
  await expect(row).toHaveAttribute("data-area", String(area0));
  await page.keyboard.press("Control+Shift+z");
  await expect(row).toHaveAttribute("data-area", String(area1));
  await page.keyboard.press("e");
  await dragPixels(page, [{ x: a.x - a.depth, y: a.y }, { x: a.x + a.depth, y: a.y }]);
  await expect.poll(async () => Number(await row.getAttribute("data-area"))).toBeLessThan(area1);
  const area2 = Number(await row.getAttribute("data-area"));
  await screenshot(page, "editor-eraser");
  await expectAllSaved(page);
  expect((await serverObjects(page, image.id)).find((o) => o.id === objectId)?.area).toBe(area2);

  // Clean up (R): a speck brushed onto the object far from it goes again, as one undoable step.
  await page.keyboard.press("b");
  for (let i = 0; i < 7; i++) await page.keyboard.press("[");
  await clickPixel(page, b.x, b.y);
  await expect.poll(async () => Number(await row.getAttribute("data-area"))).toBeGreaterThan(area2);
  const withSpeck = Number(await row.getAttribute("data-area"));
  await page.keyboard.press("r");
  await expect(page.getByTestId("editor-notice")).toContainText(/Cleaned up: filled \d+ px of holes, removed \d+ px of specks/);
  await expect.poll(async () => Number(await row.getAttribute("data-area"))).toBeLessThan(withSpeck);
  await screenshot(page, "editor-clean-up");
  await page.keyboard.press("Control+z");
  await expect(row).toHaveAttribute("data-area", String(withSpeck));
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(async () => Number(await row.getAttribute("data-area"))).toBeLessThan(withSpeck);
  // Split (X): the eraser cut the shape in two, so it becomes one object per part; undo joins them again.
  await page.keyboard.press("x");
  await expect(page.getByTestId("editor-notice")).toContainText(/Split into \d+ objects\./);
  expect(await page.getByTestId("object-row").count()).toBeGreaterThanOrEqual(2);
  await screenshot(page, "editor-split");
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("object-row")).toHaveCount(1);

  // Shortcuts: label by number key, hide, delete and undo, help overlay, fit, next image.
  await page.keyboard.press("v");
  await expect(editor(page)).toHaveAttribute("data-tool", "select");
  await page.keyboard.press("2");
  await expect(page.locator('[data-testid="label-option"][data-active="true"]')).toContainText("ground");
  await expect(row.getByLabel("Label").locator("option:checked")).toHaveText("ground");
  await page.keyboard.press("h");
  await expect(row).toHaveAttribute("data-hidden", "true");
  await page.keyboard.press("h");
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("object-row")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("object-row")).toHaveCount(1);
  await page.keyboard.press("Shift+?");
  await expect(page.getByTestId("shortcut-overlay")).toBeVisible();
  await screenshot(page, "editor-shortcuts");
  await page.keyboard.press("Shift+?");
  await expect(page.getByTestId("shortcut-overlay")).toHaveCount(0);
  await page.keyboard.press("=");
  await page.keyboard.press("f");
  await expectAllSaved(page);
  const saved = (await serverObjects(page, image.id)).find((o) => o.id === objectId);
  expect(saved?.labelClassId).toBe(await row.getByLabel("Label").inputValue());
  // create, brush, eraser, relabel (undo/redo and delete/undo may or may not reach the server in between)
  expect(saved?.version).toBeGreaterThanOrEqual(4);
  // Polygon: click vertices around the third shape's box, close on the first, drag one, commit.
  const c = shapes[2] ?? b;
  const r = c.depth;
  await page.keyboard.press("Escape");
  await page.keyboard.press("p");
  for (const [x, y] of [[c.x - r, c.y - r], [c.x + r, c.y - r], [c.x + r, c.y + r], [c.x - r, c.y + r], [c.x - r, c.y - r]] as const) await clickPixel(page, x, y);
  await expect(editor(page)).toHaveAttribute("data-draft", "polygon");
  await dragPixels(page, [{ x: c.x + r, y: c.y + r }, { x: c.x + r + 10, y: c.y + r + 10 }]);
  await screenshot(page, "editor-polygon");
  const objectsBefore = await page.getByTestId("object-row").count();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("object-row")).toHaveCount(objectsBefore + 1);
  await expectAllSaved(page);
  const polygonArea = Math.max(...(await serverObjects(page, image.id)).filter((o) => o.id !== objectId).map((o) => o.area));
  // A square of side 2r with one corner pulled out by 10 px: a bit more than (2r)^2.
  expect(polygonArea).toBeGreaterThan(4 * r * r);
  expect(polygonArea).toBeLessThan(4 * r * r + 40 * r);

  // Ctrl+C copies the selected object; on the next image Ctrl+V pastes it (one undo step).
  await page.getByRole("button", { name: `Select object ${await page.getByTestId("object-row").count()}` }).click();
  await page.keyboard.press("Control+c");
  await expect(page.getByTestId("editor-notice")).toContainText("Copied the object");
  await page.keyboard.press("n");
  await expect(page).toHaveURL(new RegExp(`/annotate/${images[1]!.id}$`));
  await expect(page.getByTestId("image-name")).toContainText(images[1]!.fileName);
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  const rowsBefore = await page.getByTestId("object-row").count();
  await page.keyboard.press("Control+v");
  await expect(page.getByTestId("object-row")).toHaveCount(rowsBefore + 1);
  await expect(page.getByTestId("editor-notice")).toContainText(/Pasted/);
  await screenshot(page, "editor-paste");
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("object-row")).toHaveCount(rowsBefore);
});

test("a stale save from a second browser gets a visible choice and loses nothing", async ({ browser }) => {
  test.setTimeout(300_000);
  const first = await browser.newContext();
  const second = await browser.newContext();
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  await signInAs(pageA, "manager");
  await signInAs(pageB, "admin");
  const { projectId, images } = await demoImages(pageA);
  const image = images[2]!;
  await openEditor(pageA, projectId, image.id);
  const [shape] = await findShapes(pageA, image.id);
  if (!shape) throw new Error("no shape");
  const count = await decodeCount(pageA);
  await clickPixel(pageA, shape.x, shape.y);
  await waitForDecode(pageA, count);
  await pageA.keyboard.press("Enter");
  await expectAllSaved(pageA);
  const [created] = await editorObjects(pageA);
  if (!created) throw new Error("nothing committed");

  await openEditor(pageB, projectId, image.id);
  await expect(pageB.getByTestId("object-row")).toHaveCount(1);
  // B loses its connection; meanwhile A changes the object (version 2).
  await second.setOffline(true);
  await pageA.getByRole("button", { name: "Select object 1" }).click();
  await pageA.keyboard.press("b");
  await dragPixels(pageA, [{ x: shape.x, y: shape.y }, { x: shape.x, y: shape.y + shape.depth + 50 }]);
  await expectAllSaved(pageA);
  await expect.poll(async () => (await serverObjects(pageA, image.id))[0]?.version).toBe(2);
  const theirs = (await serverObjects(pageA, image.id))[0]!;
  // B, still on version 1, erases part of it while offline: kept, then refused with 409 when back.
  await pageB.getByRole("button", { name: "Select object 1" }).click();
  await pageB.keyboard.press("e");
  await dragPixels(pageB, [{ x: shape.x - shape.depth, y: shape.y }, { x: shape.x + shape.depth, y: shape.y }]);
  await expect(pageB.getByTestId("save-status")).toContainText(/Offline/, { timeout: 15_000 });
  const mine = (await editorObjects(pageB))[0]!;
  await second.setOffline(false);
  const dialog = pageB.getByTestId("conflict-dialog");
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText("version 2");
  await screenshot(pageB, "editor-conflict");
  // Nothing was overwritten while the choice is open.
  expect((await serverObjects(pageA, image.id))[0]!.rle.counts).toBe(theirs.rle.counts);
  await pageB.getByTestId("conflict-mine").click();
  await expect(dialog).toHaveCount(0);
  await expectAllSaved(pageB);
  const kept = (await serverObjects(pageB, image.id))[0]!;
  expect(kept).toMatchObject({ version: 3 });
  expect(kept.rle.counts).toBe(mine.counts);
  // A sees B's version live, and it is not in A's undo history.
  await expect.poll(async () => (await editorObjects(pageA))[0]?.version, { timeout: 15_000 }).toBe(3);
  expect((await editorObjects(pageA))[0]!.counts).toBe(mine.counts);
  await screenshot(pageA, "editor-remote-update");
  await first.close();
  await second.close();
});

test("work saved offline or after the session expired is kept and sent later", async ({ page, context }) => {
  test.setTimeout(300_000);
  await signInAs(page, "manager");
  const { projectId, images } = await demoImages(page);
  const image = images[3]!;
  await openEditor(page, projectId, image.id);
  const shapes = await findShapes(page, image.id);

  // Offline: the commit is kept and shown, then sent when the browser is back online.
  await context.setOffline(true);
  let count = await decodeCount(page);
  await clickPixel(page, shapes[0]!.x, shapes[0]!.y);
  await waitForDecode(page, count);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("save-status")).toContainText(/Offline: 1 change kept on this device/, { timeout: 15_000 });
  await screenshot(page, "editor-offline");
  await context.setOffline(false);
  await expectAllSaved(page);
  expect(await serverObjects(page, image.id)).toHaveLength(1);

  // The server unreachable across a reload: the unsaved object comes back from IndexedDB.
  await page.route("**/api/images/*/annotations", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
  count = await decodeCount(page);
  await clickPixel(page, shapes[1]!.x, shapes[1]!.y);
  await waitForDecode(page, count);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("save-status")).toContainText(/kept on this device/, { timeout: 15_000 });
  const unsaved = (await editorObjects(page)).find((o) => o.version === 0)!;
  await page.reload();
  await openEditor(page, projectId, image.id);
  expect((await editorObjects(page)).find((o) => o.id === unsaved.id)?.counts).toBe(unsaved.counts);
  await page.unroute("**/api/images/*/annotations");
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expectAllSaved(page);
  expect((await serverObjects(page, image.id)).map((o) => o.id)).toContain(unsaved.id);

  // Session expired: the save waits, the person signs in again, and it is sent.
  await context.clearCookies();
  count = await decodeCount(page);
  await clickPixel(page, shapes[2]?.x ?? shapes[0]!.x + 5, shapes[2]?.y ?? shapes[0]!.y + 5);
  await waitForDecode(page, count);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("save-status")).toContainText(/Signed out/, { timeout: 15_000 });
  await screenshot(page, "editor-signed-out");
  const pending = (await editorObjects(page)).find((o) => o.version === 0)!;
  await signInAs(page, "manager");
  await openEditor(page, projectId, image.id);
  await expectAllSaved(page);
  expect((await serverObjects(page, image.id)).find((o) => o.id === pending.id)?.rle.counts).toBe(pending.counts);
});

test("an annotator saves under the queue's lease; without one the image opens view-only, and a save after the lease is lost is refused visibly and kept", async ({ browser }) => {
  test.setTimeout(300_000);
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAs(manager, "manager");
  const { projectId, images } = await demoImages(manager);
  const queued = images[5]!;
  const batch = await manager.request.post(`/api/projects/${projectId}/batches`, { data: { name: "Editor e2e", selection: { kind: "images", imageIds: [queued.id] } } });
  expect(batch.status()).toBe(201);
  await managerContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "annotator");
  const claim = await page.request.post(`/api/projects/${projectId}/tasks/claim`, { data: { stage: "annotate" } });
  expect(claim.status()).toBe(200);
  const { path } = (await claim.json()) as { path: string | null };
  expect(path).toContain(`/annotate/${queued.id}?task=`);
  await page.goto(path!);
  await expect(editor(page)).toHaveAttribute("data-ready", "true", { timeout: 150_000 });
  const [shape] = await findShapes(page, queued.id);
  let count = await decodeCount(page);
  await clickPixel(page, shape!.x, shape!.y);
  await waitForDecode(page, count);
  await page.keyboard.press("Enter");
  await expectAllSaved(page);
  expect(await serverObjects(page, queued.id)).toHaveLength(1);

  // Another image, no lease (opened from its card, not the queue): it opens view-only
  // with the reason, and a click draws nothing, instead of a save refused afterwards.
  const other = images[4]!;
  await openEditor(page, projectId, other.id);
  await expect(page.getByTestId("read-only-reason")).toContainText("taken from the queue");
  await expect(page.getByTestId("tool-brush")).toBeDisabled();
  await expect(page.getByTestId("save-status")).toHaveCount(0);
  const [otherShape] = await findShapes(page, other.id);
  count = await decodeCount(page);
  await clickPixel(page, otherShape!.x, otherShape!.y);
  await page.waitForTimeout(1_000);
  expect(await decodeCount(page)).toBe(count);
  await expect(editor(page)).toHaveAttribute("data-draft", "none");
  await screenshot(page, "editor-view-only");
  // View controls still work read-only: O steps the mask opacity, and the choice follows to the next image.
  await page.keyboard.press("o");
  await expect(page.getByTestId("mask-opacity")).toHaveValue("0.6");
  // Brightness brightens the displayed picture (the image layer's own pixels), and Reset undoes it.
  const centre = () =>
    page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="editor"] canvas');
      const pixel = canvas!.getContext("2d")!.getImageData(Math.floor(canvas!.width / 2), Math.floor(canvas!.height / 2), 1, 1).data;
      return pixel[0]! + pixel[1]! + pixel[2]!;
    });
  const plain = await centre();
  await page.getByTestId("image-adjust-toggle").click();
  await page.getByTestId("image-brightness").fill("160");
  await expect.poll(centre).toBeGreaterThan(plain + 30);
  await screenshot(page, "editor-image-adjust");
  await page.getByRole("button", { name: "Reset" }).click();
  await expect.poll(centre).toBe(plain);

  // Its own image, opened from the card too, is editable while the lease lives. Then
  // the lease is lost (Stop in another tab): the next save is refused, shown, and kept.
  await openEditor(page, projectId, queued.id);
  await expect(page.getByTestId("read-only-reason")).toHaveCount(0);
  await expect(page.getByTestId("mask-opacity")).toHaveValue("0.6");
  await screenshot(page, "editor-mask-opacity");
  const taskId = new URL(path!, "http://x").searchParams.get("task");
  expect((await page.request.post(`/api/tasks/${taskId}/release`)).status()).toBe(200);
  const second = (await findShapes(page, queued.id))[1]!;
  count = await decodeCount(page);
  await clickPixel(page, second.x, second.y);
  await waitForDecode(page, count);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-tone", "error", { timeout: 15_000 });
  await expect(page.getByTestId("blocked-save")).toBeVisible();
  await expect(page.getByTestId("object-status").filter({ hasText: "not saved" })).toHaveCount(1);
  expect(await editorObjects(page)).toHaveLength(2);
  expect(await serverObjects(page, queued.id)).toHaveLength(1);
  await screenshot(page, "editor-save-refused");
  await context.close();
});
