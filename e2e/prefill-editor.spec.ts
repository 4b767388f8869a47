// Pre-filled masks in the editor (issue 7, semi-automatic stage): an
// annotator working from the queue sees the pre-fill as its own layer,
// accepts one, corrects one with a brush stroke and deletes one; the
// manager's outcome counts then say kept 1, corrected 1, deleted 1, pending 1;
// Submit asks about the undecided fourth, "Accept all & submit" keeps it. The
// "uncovered" view dims what masks cover.
import { expect, test, type Page } from "@playwright/test";
import { demoImages, dragPixels, editorObjects, expectAllSaved, findShapes, screenPoint, serverObjects } from "./editor-helpers";
import { insertPrefillDiscs } from "./support/prefill-rows";
import { screenshot, signInAs } from "./support/session";

const editor = (page: Page) => page.getByTestId("editor");
const prefillRow = (page: Page, id: string) => page.locator(`[data-testid="prefill-row"][data-object-id="${id}"]`);

/** Waits until the image is drawn on the stage (its corner pixel is opaque). */
async function waitForImage(page: Page): Promise<void> {
  const p = await screenPoint(page, 3, 3);
  await expect
    .poll(() =>
      page.evaluate(({ sx, sy }) => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="editor-stage"] canvas');
        if (!canvas) return 0;
        const rect = canvas.getBoundingClientRect();
        const ratio = canvas.width / rect.width;
        return canvas.getContext("2d")!.getImageData(Math.round((sx - rect.left) * ratio), Math.round((sy - rect.top) * ratio), 1, 1).data[3]!;
      }, { sx: p.x, sy: p.y }),
    )
    .toBe(255);
}

/** Mean brightness of the stage's image layer (image, masks, uncovered dimming) around image pixel (x, y). */
async function brightnessAt(page: Page, x: number, y: number): Promise<number> {
  const p = await screenPoint(page, x, y);
  return page.evaluate(({ sx, sy }) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="editor-stage"] canvas');
    if (!canvas) throw new Error("no stage canvas");
    const rect = canvas.getBoundingClientRect();
    const ratio = canvas.width / rect.width;
    const cx = Math.round((sx - rect.left) * ratio);
    const cy = Math.round((sy - rect.top) * ratio);
    const data = canvas.getContext("2d")!.getImageData(cx - 2, cy - 2, 5, 5).data;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
    return sum / (data.length / 4);
  }, { sx: p.x, sy: p.y });
}

test("pre-filled masks: layer, accept, correct, delete are counted; uncovered view dims covered pixels", async ({ browser }) => {
  test.setTimeout(240_000);
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAs(manager, "manager");
  const { projectId, images } = await demoImages(manager);
  const image = images[3]!;
  // Discs inside the scene's shapes (or spread out when it has fewer than three).
  const shapes = await findShapes(manager, image.id);
  const fallback = [{ x: 200, y: 200, depth: 60 }, { x: 480, y: 320, depth: 60 }, { x: 760, y: 440, depth: 60 }];
  const spots = [0, 1, 2].map((i) => shapes[i] ?? fallback[i]!);
  const discs = spots.map((s, i) => ({ x: s.x, y: s.y, r: Math.max(20, Math.min(70, Math.round(s.depth * 0.9))), score: [0.91, 0.74, 0.52][i]! }));
  // A fourth, in the sky's corner (no shape there), that the annotator leaves undecided until Submit asks.
  discs.push({ x: 60, y: 60, r: 25, score: 0.47 });
  // Earlier specs may have left masks on this demo image: start it empty.
  for (const leftover of await serverObjects(manager, image.id)) {
    expect((await manager.request.delete(`/api/annotations/${leftover.id}?version=${leftover.version}`)).status()).toBe(200);
  }
  const [acceptId, correctId, deleteId, undecidedId] = await insertPrefillDiscs({ imageId: image.id, discs });

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "annotator");
  // Other specs share the demo project: hand back whatever the annotator holds
  // there, then give this image a top-priority batch assigned to them, so the
  // next claim is this image whatever ran before.
  const held = await page.request.post(`/api/projects/${projectId}/tasks/claim`, { data: { stage: "annotate" } });
  expect(held.status()).toBe(200);
  const heldTask = ((await held.json()) as { task: { id: string; assigneeId: string | null } | null }).task;
  if (heldTask) expect((await page.request.post(`/api/tasks/${heldTask.id}/release`)).status()).toBe(200);
  const batch = await manager.request.post(`/api/projects/${projectId}/batches`, {
    data: { name: "Pre-fill e2e", priority: 1000, selection: { kind: "images", imageIds: [image.id] }, assigneeIds: heldTask?.assigneeId ? [heldTask.assigneeId] : [] },
  });
  expect(batch.status()).toBe(201);
  const claim = await page.request.post(`/api/projects/${projectId}/tasks/claim`, { data: { stage: "annotate" } });
  expect(claim.status()).toBe(200);
  const { path } = (await claim.json()) as { path: string | null };
  expect(path).toContain(`/annotate/${image.id}?task=`);
  await page.goto(path!);

  // The demo project's instructions are in the panel.
  await expect(page.getByTestId("project-instructions")).toContainText("Give every shape its own mask");
  // The layer: its own list with scores, hatched masks on the canvas.
  const section = page.getByTestId("prefill-section");
  await expect(section).toHaveAttribute("data-count", "4");
  await expect(page.getByTestId("prefill-row")).toHaveCount(4);
  // The score shown is the mask's confidence (detector score x predicted IoU 0.94 x stability 0.97), and the list ranks by it.
  await expect(prefillRow(page, acceptId!).getByTestId("prefill-score")).toHaveText(`score ${(0.91 * 0.94 * 0.97).toFixed(2)}`);
  expect(await page.getByTestId("prefill-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-object-id")))).toEqual([acceptId, correctId, deleteId, undecidedId]);
  await expect(page.getByTestId("object-list-empty")).toBeVisible();
  await expect(page.getByTestId("accept-prefills")).toContainText("Accept 4 pre-filled");
  await waitForImage(page);
  const [d0] = discs as [(typeof discs)[number]];
  const plain = await brightnessAt(page, d0.x, d0.y);
  await screenshot(page, "prefill-layer");

  // Hide and show the layer (Shift+H).
  await page.keyboard.press("Shift+H");
  await expect(section).toHaveAttribute("data-layer-visible", "false");
  await page.keyboard.press("Shift+H");
  await expect(section).toHaveAttribute("data-layer-visible", "true");

  // Uncovered view (U): covered pixels are dimmed, the rest untouched.
  const outside = { x: 5, y: 5 };
  const outsideBefore = await brightnessAt(page, outside.x, outside.y);
  await page.keyboard.press("u");
  await expect(page.getByTestId("editor-stage")).toHaveAttribute("data-uncovered", "true");
  await expect.poll(() => brightnessAt(page, d0.x, d0.y)).toBeLessThan(plain * 0.6);
  expect(Math.abs((await brightnessAt(page, outside.x, outside.y)) - outsideBefore)).toBeLessThan(3);
  await screenshot(page, "prefill-uncovered");
  await page.getByTestId("uncovered-toggle").click();
  await expect(page.getByTestId("editor-stage")).toHaveAttribute("data-uncovered", "false");

  // Accept one: it joins the ordinary objects with the current label.
  await prefillRow(page, acceptId!).getByTestId("prefill-accept").click();
  await expect(section).toHaveAttribute("data-count", "3");
  await expect(page.locator(`[data-testid="object-row"][data-object-id="${acceptId}"]`)).toBeVisible();

  // Correct one: select it, brush across its edge.
  await prefillRow(page, correctId!).getByRole("button", { name: /Select pre-filled mask/ }).click();
  await expect(editor(page)).toHaveAttribute("data-selected", correctId!);
  await page.keyboard.press("b");
  const d1 = discs[1]!;
  await dragPixels(page, [{ x: d1.x, y: d1.y }, { x: d1.x + d1.r + 25, y: d1.y }, { x: d1.x + d1.r + 25, y: d1.y + 15 }]);
  await expect(section).toHaveAttribute("data-count", "2");
  const correction = (await editorObjects(page)).find((o) => o.originId === correctId);
  expect(correction).toMatchObject({ source: "manual" });
  await expect(editor(page)).toHaveAttribute("data-selected", correction!.id);

  // Delete one.
  await prefillRow(page, deleteId!).getByTestId("prefill-delete").click();
  await expect(section).toHaveAttribute("data-count", "1");
  await expectAllSaved(page);
  const saved = await serverObjects(page, image.id);
  expect(saved.map((o) => o.id).sort()).toEqual([acceptId!, correction!.id, undecidedId!].sort());
  expect(saved.find((o) => o.id === acceptId)?.labelClassId).not.toBeNull();
  expect(saved.find((o) => o.id === undecidedId)?.labelClassId).toBeNull();
  // Before anyone decides on the fourth, the manager's counts call it pending, not kept.
  const before = await manager.request.get(`/api/projects/${projectId}/detector/prefill`);
  expect(((await before.json()) as { images: ({ imageId: string } & Record<string, number>)[] }).images.find((i) => i.imageId === image.id)).toMatchObject({ kept: 1, pending: 1 });

  await page.keyboard.press("u");
  await expect(page.getByTestId("editor-stage")).toHaveAttribute("data-uncovered", "true");
  await page.waitForTimeout(300);
  await screenshot(page, "prefill-handled-uncovered");
  await page.keyboard.press("u");

  // Submit with the fourth still undecided: the editor asks first; Back keeps the image open.
  await page.getByTestId("task-submit").click();
  const question = page.getByTestId("prefill-undecided");
  await expect(question).toContainText("1 pre-filled mask is not decided yet");
  await screenshot(page, "prefill-submit-question");
  await question.getByTestId("prefill-back").click();
  await expect(question).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/annotate/${image.id}`));
  // N (next image = submit here) asks too; "Accept all & submit" labels it and hands the image in.
  await page.keyboard.press("n");
  await expect(question).toBeVisible();
  await question.getByTestId("prefill-accept-submit").click();
  await expect(page).not.toHaveURL(new RegExp(`/annotate/${image.id}`), { timeout: 30_000 });
  const handedIn = await serverObjects(manager, image.id);
  expect(handedIn.find((o) => o.id === undecidedId)?.labelClassId).not.toBeNull();
  await context.close();

  // The manager's counts.
  const outcomes = await manager.request.get(`/api/projects/${projectId}/detector/prefill`);
  expect(outcomes.status()).toBe(200);
  const body = (await outcomes.json()) as { project: Record<string, number>; images: ({ imageId: string } & Record<string, number>)[] };
  expect(body.images.find((i) => i.imageId === image.id)).toMatchObject({ prefilled: 4, kept: 2, pending: 0, corrected: 1, deleted: 1 });
  expect(body.project).toMatchObject({ prefilled: 4, kept: 2, pending: 0, corrected: 1, deleted: 1 });

  // Analytics puts the image in the semi-automatic stage: its kept pre-fills and its drawn correction.
  const analytics = (await (await manager.request.get(`/api/projects/${projectId}/analytics?days=7`)).json()) as { stages: { stage: string; images: number; prefilledPerImage: number | null; manualPerImage: number | null }[] };
  const semi = analytics.stages.find((s) => s.stage === "semi_automatic")!;
  expect(semi.images).toBeGreaterThanOrEqual(1);
  expect(semi.prefilledPerImage).toBeGreaterThan(0);
  expect(semi.manualPerImage).toBeGreaterThan(0);
  await manager.goto(`/projects/${projectId}?tab=analytics&days=7`);
  await expect(manager.getByTestId("stage-semi_automatic").first()).toHaveText(String(semi.images));
  await screenshot(manager, "analytics-semi-automatic");
  await managerContext.close();
});
