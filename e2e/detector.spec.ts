// The semi-automatic stage in the browser: a manager sets up a project of
// generated shape pictures, the team labels and accepts them through the
// real task APIs, then the manager opens the project's Pre-fill tab, tunes
// training, trains a detector (the worker runs the job), watches it, reads
// its held-out evaluation and activates it; pictures uploaded afterwards are
// pre-filled by themselves once encoded. An annotator sees none of the
// controls and gets 403 from the training and activation routes.
import { expect, test } from "@playwright/test";
import { encodeMaskToRle } from "../lib/mask";
import { createShapesImage } from "../server/detector/testing/create-shapes-image";
import { screenshot } from "./support/session";
import { createWorkflowProject, openAs } from "./support/workflow-setup";

test.describe.configure({ mode: "serial" });

const ACCEPTED_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const LATER_SEEDS = [101, 106];

/** Wide enough for the Pre-fill tab's screenshots. */
const wide = { width: 1400, height: 950 };
let projectId = "";
let versionId = "";

async function shapeFiles(seeds: number[]) {
  const files = [];
  for (const seed of seeds) {
    const shapes = await createShapesImage({ seed });
    files.push({ seed, shapes, file: { name: `shapes-${seed}.png`, mimeType: "image/png", buffer: shapes.bytes } });
  }
  return files;
}

async function ok<T>(response: Promise<import("@playwright/test").APIResponse>, what: string): Promise<T> {
  const answer = await response;
  expect(answer.status(), `${what}: ${await answer.text()}`).toBeLessThan(300);
  return (await answer.json()) as T;
}

type Claimed = { task: { id: string; imageId: string } | null };

test("a manager trains a detector on accepted images, reads its held-out evaluation and activates it; new images are pre-filled", async ({ browser }) => {
  test.setTimeout(300_000);
  const manager = await openAs(browser, "manager", wide);
  const annotator = await openAs(browser, "annotator", wide);
  const reviewer = await openAs(browser, "reviewer", wide);

  // Manager: a project with the annotator and the reviewer, eight pictures.
  const accepted = await shapeFiles(ACCEPTED_SEEDS);
  projectId = await createWorkflowProject(manager, { name: `Detector ${Date.now()}`, images: accepted.map((entry) => entry.file) });

  // The team labels every picture (its exact shapes) and the reviewer accepts them.
  await ok(manager.request.post(`/api/projects/${projectId}/batches`, { data: { name: "All", selection: { kind: "first_unassigned", count: accepted.length } } }), "batch");
  const listed = await ok<{ items: { id: string; fileName: string }[] }>(manager.request.get(`/api/projects/${projectId}/images?page=1&pageSize=50`), "images");
  const shapesById = new Map(listed.items.map((item) => [item.id, accepted.find((entry) => entry.file.name === item.fileName)!.shapes]));
  for (let i = 0; i < accepted.length; i++) {
    const { task } = await ok<Claimed>(annotator.request.post(`/api/projects/${projectId}/tasks/claim`, { data: {} }), "claim");
    const shapes = shapesById.get(task!.imageId)!;
    for (const object of shapes.objects) {
      const rle = encodeMaskToRle({ width: shapes.width, height: shapes.height, data: object.mask });
      await ok(annotator.request.post(`/api/images/${task!.imageId}/annotations`, { data: { id: crypto.randomUUID(), labelClassId: null, rle, taskId: task!.id } }), "mask");
    }
    await ok(annotator.request.post(`/api/tasks/${task!.id}/submit?next=0`), "submit");
    const review = await ok<Claimed>(reviewer.request.post(`/api/projects/${projectId}/tasks/claim`, { data: { stage: "review" } }), "review claim");
    await ok(reviewer.request.post(`/api/tasks/${review.task!.id}/review?next=0`, { data: { verdict: "accept" } }), "accept");
  }
  // Training reads the stored embeddings: wait for the encoder.
  await manager.reload();
  await expect(manager.getByTestId("encoded-count")).toHaveText(`${accepted.length} of ${accepted.length}`, { timeout: 120_000 });

  // The Pre-fill tab: nothing trained yet; fewer epochs keep the run short.
  await manager.getByRole("link", { name: "Pre-fill", exact: true }).click();
  const panel = manager.getByRole("region", { name: "Detector" });
  await expect(panel).toContainText("No detector trained yet");
  const settings = manager.getByRole("form", { name: "Pre-fill settings" });
  await expect(settings.getByLabel("Pre-fill by itself")).toHaveValue("detector");
  await expect(settings.getByLabel("Min. predicted IoU (grid)")).toHaveValue("0.88");
  await expect(settings.getByLabel("Min. predicted IoU (detector boxes)")).toHaveValue("0.7");
  await expect(settings.getByLabel("Refit detector boxes")).toHaveValue("false");
  // Many epochs and a small time budget: the run plans fewer so it ends in time (shown on the row).
  await settings.getByLabel("Training epochs").fill("500");
  await settings.getByText("More settings").click();
  await settings.getByLabel("Max. training seconds").fill("20");
  // The pre-fill below then runs the box refit (a boolean setting sent from a select).
  await settings.getByLabel("Refit detector boxes").selectOption("true");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved.");
  const saved = await ok<{ settings: { prefill: { refitBox: unknown }; detector: { epochs: number; maxTrainingSeconds: number } } }>(manager.request.get(`/api/projects/${projectId}/detector`), "settings");
  expect(saved.settings.prefill.refitBox).toBe(true);
  expect(saved.settings.detector).toMatchObject({ epochs: 500, maxTrainingSeconds: 20 });

  // Train: the version shows up training, then trained with its evaluation.
  const started = Date.now();
  await panel.getByRole("button", { name: "Train new version" }).click();
  const row = panel.getByTestId("detector-version-1");
  await expect(row).toContainText("training");
  await expect(row.getByTestId("training-progress")).toBeVisible();
  await screenshot(manager, "detector-training");
  await expect(row).toContainText("trained", { timeout: 180_000 });
  console.log(`[detector e2e] training took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const metric of ["recallAt20", "recallAt100", "ap50"]) await expect(row.getByTestId(`metric-${metric}`)).toHaveText(/^\d+%/);
  const overview = await ok<{ versions: { id: string; heldOutImages: number; metrics: { recallAt20: number } }[] }>(manager.request.get(`/api/projects/${projectId}/detector`), "overview");
  versionId = overview.versions[0]!.id;
  expect(overview.versions[0]!.heldOutImages).toBeGreaterThan(0);
  await expect(row.getByTestId("metric-recallAt20")).toHaveText(`${Math.round(overview.versions[0]!.metrics.recallAt20 * 100)}%`);
  await expect(row.getByTestId("epochs-shortened")).toHaveText(/^\d+ of 500 epochs \(time limit\)$/);
  await screenshot(manager, "detector-trained");

  // Activate: every picture is accepted, so nothing is left to pre-fill yet.
  await row.getByRole("button", { name: "Activate" }).click();
  await expect(panel.getByRole("status")).toHaveText("Version 1 is active.");
  await expect(row).toContainText("active");
  await expect(panel).toContainText("Version 1 is active: its boxes become SAM masks");

  // New pictures are pre-filled by the active detector once the encoder is done with them.
  await manager.getByRole("link", { name: "Images", exact: true }).click();
  await manager.getByTestId("upload-input").setInputFiles((await shapeFiles(LATER_SEEDS)).map((entry) => entry.file));
  await expect(manager.locator('[data-testid="upload-row"][data-state="imported"]')).toHaveCount(LATER_SEEDS.length, { timeout: 60_000 });
  await expect
    .poll(async () => (await ok<{ project: { images: number; prefilled: number } }>(manager.request.get(`/api/projects/${projectId}/detector/prefill`), "outcomes")).project, { timeout: 120_000 })
    .toMatchObject({ images: LATER_SEEDS.length, prefilled: expect.any(Number) });
  // The status tiles kept updating live after the Pre-fill tab (whose panel shared their project room) was left.
  const total = (await ok<{ total: number }>(manager.request.get(`/api/projects/${projectId}/images?pageSize=1`), "images")).total;
  await expect(manager.getByTestId("encoded-count")).toHaveText(`${total} of ${total}`, { timeout: 30_000 });
  await manager.goto(`/projects/${projectId}?tab=prefill`);
  await expect(manager.getByTestId("prefill-outcomes")).toContainText(`(${LATER_SEEDS.length} images)`);
  await screenshot(manager, "detector-active-prefilled");
});

test("an annotator sees no detector controls and may not train or activate", async ({ browser }) => {
  expect(projectId).not.toBe("");
  const annotator = await openAs(browser, "annotator", wide);
  await annotator.goto(`/projects/${projectId}?tab=prefill`);
  await expect(annotator.getByRole("navigation", { name: "Project sections" })).toBeVisible();
  await expect(annotator.getByRole("link", { name: "Pre-fill", exact: true })).toHaveCount(0);
  await expect(annotator.getByRole("button", { name: "Train new version" })).toHaveCount(0);
  await expect(annotator.getByRole("region", { name: "Detector" })).toHaveCount(0);
  await screenshot(annotator, "detector-annotator-view");
  const train = await annotator.request.post(`/api/projects/${projectId}/detector`);
  expect(train.status()).toBe(403);
  const activate = await annotator.request.post(`/api/projects/${projectId}/detector/${versionId}/activate`);
  expect(activate.status()).toBe(403);
  const prefill = await annotator.request.post(`/api/projects/${projectId}/detector/prefill`);
  expect(prefill.status()).toBe(403);
  // Nor the managers' analytics: no tab, the tab's URL shows the images, the API refuses.
  await annotator.goto(`/projects/${projectId}?tab=analytics`);
  await expect(annotator.getByRole("link", { name: "Analytics", exact: true })).toHaveCount(0);
  await expect(annotator.getByTestId("analytics-panel")).toHaveCount(0);
  expect((await annotator.request.get(`/api/projects/${projectId}/analytics`)).status()).toBe(403);
});
