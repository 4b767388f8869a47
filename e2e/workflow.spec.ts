// The team workflow in three browsers at once — manager, annotator, reviewer —
// through the real editor opened from the queue (`?task=`):
// - a batch assigned by the manager appears live in the annotator's queue;
// - "Start labeling" opens the editor; a mask drawn there appears live in the
//   reviewer's open view and in the manager's editor on the same image, and
//   each sees who else is on the image; the next task's embedding is prefetched;
// - "Submit & next" opens the next task directly; a save after the lease was
//   lost is refused, kept in the browser and explained, and sent after claiming again;
// - the reviewer rejects with a comment pinned to the mask; the rework opens
//   next for the same annotator with the comment in the editor (it selects the mask);
// - the reviewer corrects in the editor (the edit is theirs) and accepts;
//   the batch progress and the image's history follow.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createMask, encodeMaskToRle, paintDisc } from "../lib/mask";
import { dragPixels, expectAllSaved, serverObjects } from "./editor-helpers";
import { demoAccount, screenshot } from "./support/session";
import { createWorkflowProject, editorTaskOf, openAs, userIdOf } from "./support/workflow-setup";

type TaskDetails = { id: string; imageId: string; image: { width: number; height: number } };

async function taskDetails(page: Page, taskId: string): Promise<TaskDetails> {
  const response = await page.request.get(`/api/tasks/${taskId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as TaskDetails;
}

/** A horizontal brush stroke through the image's centre (a new object when nothing is selected). */
async function brushStroke(page: Page, image: { width: number; height: number }, dy = 0): Promise<void> {
  await expect(page.getByTestId("editor-stage")).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("b");
  for (let i = 0; i < 6; i++) await page.keyboard.press("]");
  const cx = Math.round(image.width / 2);
  const cy = Math.round(image.height / 2) + dy;
  await dragPixels(page, [{ x: cx - 60, y: cy }, { x: cx, y: cy }, { x: cx + 60, y: cy }]);
}

test("assign, label in the editor, submit & next, lost lease kept, reject with a pinned comment, rework, correct, accept — all live", async ({ browser }) => {
  test.setTimeout(300_000);
  const manager = await openAs(browser, "manager");
  const annotator = await openAs(browser, "annotator");
  const reviewer = await openAs(browser, "reviewer");
  const editor = (page: Page) => page.getByTestId("editor");

  const projectId = await createWorkflowProject(manager, { name: `Workflow ${Date.now()}`, images: ["shape-640x480.png", "shape-800x600.jpg"] });

  // Annotator and reviewer watch their queues; nothing is theirs yet.
  await annotator.goto(`/projects/${projectId}/queue`);
  await reviewer.goto(`/projects/${projectId}/queue`);
  await expect(annotator.getByTestId("queue-assigned")).toHaveText("0");
  await expect(reviewer.getByTestId("queue-review-waiting")).toHaveText("0");

  // Manager cuts a batch of both images for the annotator.
  await manager.goto(`/projects/${projectId}/batches`);
  await expect(manager.getByTestId("unbatched-count")).toContainText("2 images");
  const batchForm = manager.getByRole("form", { name: "Create batch" });
  await batchForm.getByLabel("Batch name").fill("Batch A");
  await batchForm.getByLabel("How many images").fill("2");
  await batchForm.getByLabel(`Assign to ${demoAccount("annotator").name}`).check();
  await batchForm.getByRole("button", { name: "Create batch" }).click();
  const card = manager.getByTestId("batch-card").filter({ hasText: "Batch A" });
  await expect(card.getByTestId("batch-count-todo")).toHaveText("2");
  // The batch's hand-ins go to the demo reviewer's queue only.
  await expect(card).toContainText("its hand-ins go to the project's review pool");
  await card.getByTestId("batch-reviewers").click();
  await card.getByRole("group", { name: "Reviewed by" }).getByLabel(demoAccount("reviewer").name).check();
  await expect(card).toContainText("its hand-ins wait in this person's review queue only");
  await expect(card.getByTestId("batch-reviewers")).toContainText(demoAccount("reviewer").name);
  await screenshot(manager, "workflow-batch-reviewers-picker");
  await card.getByTestId("batch-reviewers").click();
  // A due day ten days out.
  const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await card.getByLabel("Due").fill(due);
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByTestId("batch-due")).toHaveText(`due in 10 days (${due})`);
  await screenshot(manager, "workflow-batch-reviewer");

  // Live: the assignment reaches the annotator's open page without a reload.
  await expect(annotator.getByTestId("queue-assigned")).toHaveText("2");
  await expect(annotator.getByTestId("notice-assigned")).toContainText("2 new images assigned to you");
  await screenshot(annotator, "workflow-annotator-assigned");

  // The browser prefetches embeddings of what comes next.
  const embeddingRequests: string[] = [];
  annotator.on("request", (request) => {
    if (request.url().includes("/embedding")) embeddingRequests.push(new URL(request.url()).pathname);
  });

  // A manager watching the Images tab sees the cards' status badges change live.
  const managerImages = await manager.context().newPage();
  await managerImages.goto(`/projects/${projectId}?tab=images`);
  await expect(managerImages.getByTestId("image-card").filter({ hasText: "in progress" })).toHaveCount(0);
  // Thumbnails are ready, so only the task event (not the thumbnail polling) can refresh the cards.
  await expect(managerImages.getByTestId("thumbnail-pending")).toHaveCount(0, { timeout: 30_000 });
  await managerImages.reload();

  // Annotator: Start labeling opens the editor on the first image under a lease.
  await annotator.getByTestId("start-annotate").click();
  await annotator.waitForURL(/\/annotate\/[^/?]+\?task=/);
  const first = await taskDetails(annotator, editorTaskOf(annotator).taskId);
  await expect(annotator.getByTestId("task-actions")).toBeVisible();
  await expect(card.getByTestId("batch-count-in_progress")).toHaveText("1");
  await expect(managerImages.getByTestId("image-card").filter({ hasText: "in progress" })).toHaveCount(1, { timeout: 15_000 });
  await managerImages.close();
  const images = ((await (await manager.request.get(`/api/projects/${projectId}/images?page=1&pageSize=10`)).json()) as { items: { id: string }[] }).items;
  const secondImageId = images.map((image) => image.id).find((id) => id !== first.imageId)!;
  await expect.poll(() => embeddingRequests.some((path) => path.includes(secondImageId)), { timeout: 20_000 }).toBe(true);

  // The reviewer watches the image live; the manager has it open in the editor too.
  await reviewer.goto(`/projects/${projectId}/review/${first.id}`);
  const reviewCanvas = reviewer.getByTestId("review-canvas");
  await expect(reviewCanvas).toHaveAttribute("data-mask-count", "0");
  await manager.goto(`/projects/${projectId}/annotate/${first.imageId}`);
  await expect(editor(manager)).toHaveAttribute("data-object-count", "0");
  // Presence: the annotator sees both of them in the editor's header.
  await expect(annotator.getByTestId("presence")).toContainText(demoAccount("reviewer").name);
  await expect(annotator.getByTestId("presence")).toContainText(demoAccount("manager").name);

  // The annotator draws a mask in the editor; it is saved under the lease ...
  await brushStroke(annotator, first.image);
  await expect(editor(annotator)).toHaveAttribute("data-object-count", "1");
  await expectAllSaved(annotator);
  const [saved] = await serverObjects(annotator, first.imageId);
  expect(saved).toBeDefined();
  // ... and appears at once in the reviewer's view and in the manager's editor.
  await expect(reviewCanvas).toHaveAttribute("data-mask-count", "1");
  await expect(editor(manager)).toHaveAttribute("data-object-count", "1");
  await screenshot(annotator, "workflow-editor-task");
  await screenshot(manager, "workflow-manager-live-mask");
  await manager.goto(`/projects/${projectId}/batches`);
  await screenshot(reviewer, "workflow-reviewer-live-mask");

  // Submit & next: the second image opens directly; the reviewer's view follows.
  await annotator.getByTestId("task-submit").click();
  await annotator.waitForURL((url) => url.pathname.endsWith(`/annotate/${secondImageId}`) && url.searchParams.has("task"));
  const second = await taskDetails(annotator, editorTaskOf(annotator).taskId);
  await expect(reviewer.getByTestId("watch-status")).toHaveAttribute("data-status", "submitted");
  await expect(card.getByTestId("batch-count-submitted")).toHaveText("1");

  // A lost lease (here: Stop pressed in another tab): the next save is refused,
  // the banner says so, the change is kept in this browser ...
  expect((await annotator.request.post(`/api/tasks/${second.id}/release`)).status()).toBe(200);
  await brushStroke(annotator, second.image);
  const banner = annotator.getByTestId("lease-lost");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("no longer held for you");
  await expect(annotator.getByTestId("lease-lost-unsaved")).toContainText("1 unsaved change is kept in this browser");
  await expect(annotator.getByTestId("task-submit")).toBeDisabled();
  expect(await serverObjects(annotator, second.imageId)).toHaveLength(0);
  await screenshot(annotator, "workflow-editor-lease-lost");
  // ... and sent once the image is claimed again.
  await annotator.getByTestId("lease-reclaim").click();
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expectAllSaved(annotator);
  expect(await serverObjects(annotator, second.imageId)).toHaveLength(1);

  // Reviewer: Start reviewing, pin a comment on the mask, reject.
  await reviewer.goto(`/projects/${projectId}/queue`);
  await reviewer.getByTestId("start-review").click();
  await reviewer.waitForURL(/\/review\/[^/?]+$/);
  await expect(reviewer.getByTestId("review-canvas")).toHaveAttribute("data-mask-count", "1");
  // This project has no label classes, so the mask is unlabelled, and the reviewer is told.
  await expect(reviewer.getByTestId("review-mask-summary")).toHaveText("1 mask · 1 without a label");
  // The mask list says the same per mask, with the annotator's clicks and seconds from the editor.
  const maskRow = reviewer.getByTestId("review-mask-row");
  await expect(maskRow).toHaveCount(1);
  await expect(maskRow).toContainText("no label");
  await expect(maskRow).toContainText(/\d+ clicks? · \d+ s/);
  await reviewer.getByTestId("review-mask-opacity").fill("0.3");
  await expect(reviewer.getByTestId("review-mask-opacity")).toHaveValue("0.3");
  await maskRow.hover();
  await screenshot(reviewer, "workflow-review-masks");
  await reviewer.getByTestId("review-mask-opacity").fill("1");
  // H hides the masks to compare with the bare picture, and shows them again; O steps the fill.
  await reviewer.getByTestId("review-mask-opacity").blur();
  await reviewer.keyboard.press("h");
  await expect(reviewer.getByTestId("review-canvas")).toHaveAttribute("data-masks-visible", "false");
  await reviewer.keyboard.press("h");
  await expect(reviewer.getByTestId("review-canvas")).toHaveAttribute("data-masks-visible", "true");
  await reviewer.keyboard.press("o");
  await expect(reviewer.getByTestId("review-mask-opacity")).toHaveValue("0.6");
  // Zoom: + steps in, the wheel zooms at the cursor, a drag pans without pinning a comment, 0 fits again.
  const reviewCanvasBox = (await reviewer.getByTestId("review-canvas").boundingBox())!;
  await reviewer.keyboard.press("+");
  await expect(reviewer.getByTestId("review-canvas")).toHaveAttribute("data-zoom", "1.50");
  await reviewer.mouse.move(reviewCanvasBox.x + 40, reviewCanvasBox.y + 40);
  await reviewer.mouse.wheel(0, -300);
  await expect(reviewer.getByTestId("review-zoom-level")).not.toHaveText("150%");
  await reviewer.mouse.down();
  await reviewer.mouse.move(reviewCanvasBox.x + 140, reviewCanvasBox.y + 120, { steps: 5 });
  await reviewer.mouse.up();
  await expect(reviewer.getByLabel("Comment 1", { exact: true })).toHaveCount(0);
  await screenshot(reviewer, "workflow-review-zoomed");
  await reviewer.keyboard.press("0");
  await expect(reviewer.getByTestId("review-canvas")).toHaveAttribute("data-zoom", "1.00");
  const box = (await reviewer.getByTestId("review-canvas").boundingBox())!;
  await reviewer.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await reviewer.getByLabel("Comment 1", { exact: true }).fill("The wheel is missing from this mask");
  await screenshot(reviewer, "workflow-review-comment");
  await reviewer.getByTestId("review-reject").click();
  await reviewer.waitForURL(/\/queue/);
  await expect(card.getByTestId("batch-count-rejected")).toHaveText("1");

  // Annotator submits the second image: the rework of the first opens next,
  // with the reviewer's comment; choosing it selects the mask it is pinned to.
  await annotator.getByTestId("task-submit").click();
  await annotator.waitForURL(new RegExp(`/annotate/${first.imageId}\\?task=${first.id}$`));
  const comment = annotator.getByTestId("review-comment");
  await expect(comment).toContainText("The wheel is missing from this mask");
  await expect(comment).toHaveAttribute("data-annotation-id", saved!.id);
  await comment.click();
  await expect(editor(annotator)).toHaveAttribute("data-selected", saved!.id);
  await reviewer.goto(`/projects/${projectId}/review/${first.id}`);
  await expect(annotator.getByTestId("presence")).toContainText(demoAccount("reviewer").name);
  await screenshot(annotator, "workflow-editor-comments");

  // Fix: the brush adds to the selected mask; the reviewer's view follows; submit -> queue empty.
  const before = await serverObjects(annotator, first.imageId);
  await brushStroke(annotator, first.image, 40);
  await expectAllSaved(annotator);
  const after = await serverObjects(annotator, first.imageId);
  expect(after.find((object) => object.id === saved!.id)!.area).toBeGreaterThan(before.find((object) => object.id === saved!.id)!.area);
  await annotator.getByTestId("task-submit").click();
  await annotator.waitForURL(/\/queue\?done=submitted/);
  await expect(annotator.getByText("Your queue is empty for now")).toBeVisible();
  // Under the queue, the annotator's own tallies: both images handed in, the masks drawn and their effort.
  await expect(annotator.getByTestId("my-awaiting-review")).toHaveText("2");
  await expect(annotator.getByTestId("my-masks")).not.toHaveText("0");
  await expect(annotator.getByTestId("my-seconds-per-mask")).toHaveText(/^\d+(\.\d)? s$/);
  await screenshot(annotator, "workflow-my-work");

  // Reviewer corrects an image in the editor: the edit is attributed to the reviewer; then accepts.
  const reviewerId = await userIdOf(reviewer);
  await reviewer.goto(`/projects/${projectId}/queue`);
  await reviewer.getByTestId("start-review").click();
  await reviewer.waitForURL(/\/review\/[^/?]+$/);
  // The oldest review first: the image handed in again after the rejection. The review says what changed since (the brushed mask).
  await expect(reviewer.getByTestId("review-resubmission")).toContainText("0 added, 1 changed, 0 removed");
  await expect(reviewer.getByTestId("review-mask-change")).toHaveAttribute("data-change", "changed");
  await screenshot(reviewer, "workflow-review-resubmission");
  await reviewer.getByRole("link", { name: "Correct in editor" }).click();
  await reviewer.waitForURL(/\/annotate\/[^/?]+\?task=/);
  await expect(reviewer.getByTestId("review-correcting")).toBeVisible();
  const corrected = await taskDetails(reviewer, editorTaskOf(reviewer).taskId);
  const known = new Set((await serverObjects(reviewer, corrected.imageId)).map((object) => object.id));
  await brushStroke(reviewer, corrected.image, -80);
  await expectAllSaved(reviewer);
  const added = (await serverObjects(reviewer, corrected.imageId)).filter((object) => !known.has(object.id));
  expect(added).toHaveLength(1);
  const authored = (await (await reviewer.request.get(`/api/images/${corrected.imageId}/annotations`)).json()) as { annotations: { id: string; authorId: string }[] };
  expect(authored.annotations.find((object) => object.id === added[0]!.id)?.authorId).toBe(reviewerId);
  await screenshot(reviewer, "workflow-reviewer-correcting");
  await reviewer.getByRole("link", { name: "Back to the review" }).click();
  await reviewer.waitForURL(/\/review\/[^/?]+$/);
  // Ctrl+Enter accepts, like the button.
  await expect(reviewer.getByTestId("review-accept")).toBeEnabled();
  await reviewer.keyboard.press("Control+Enter");
  await reviewer.waitForURL(/\/queue|\/review\//);
  await expect(card.getByTestId("batch-count-accepted")).toHaveText("1");
  await screenshot(manager, "workflow-batches");

  // The project list shows the same progress; the status tile opens the accepted image.
  await manager.goto("/projects");
  await expect(manager.locator(`a[href="/projects/${projectId}"]`).getByTestId("project-progress")).toContainText("1 of 2 accepted");
  await manager.goto(`/projects/${projectId}`);
  await manager.getByTestId("count-accepted").click();
  await expect(manager.getByTestId("image-card")).toHaveCount(1);
  await expect(manager.getByTestId("image-card")).toContainText("accepted");
  // "Show masks" (or M) draws each card's masks over its thumbnail; the choice is remembered.
  await expect(manager.getByTestId("mask-overlay")).toHaveCount(0);
  await manager.keyboard.press("m");
  await expect(manager.getByTestId("show-masks")).toBeChecked();
  const overlay = manager.getByTestId("mask-overlay");
  await expect(overlay).toHaveCount(1);
  await expect.poll(() => overlay.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await screenshot(manager, "workflow-images-show-masks");
  await manager.reload();
  await expect(manager.getByTestId("mask-overlay")).toHaveCount(1);
  // A mask saved on a card's image (here through the API) shows on the open grid without a reload.
  const overlaySrc = (await manager.getByTestId("mask-overlay").getAttribute("src"))!;
  const overlaidImageId = /\/api\/images\/([^/]+)\/mask-overlay/.exec(overlaySrc)![1]!;
  const listed = (await (await manager.request.get(`/api/projects/${projectId}/images?status=accepted`)).json()) as { items: { id: string; width: number; height: number }[] };
  const overlaid = listed.items.find((item) => item.id === overlaidImageId)!;
  const extra = createMask(overlaid.width, overlaid.height);
  paintDisc(extra, 40, 40, 25, 1);
  expect((await manager.request.post(`/api/images/${overlaidImageId}/annotations`, { data: { id: randomUUID(), labelClassId: null, rle: encodeMaskToRle(extra) } })).status()).toBe(201);
  await expect(manager.getByTestId("mask-overlay")).not.toHaveAttribute("src", overlaySrc);
  await expect(manager.getByTestId("image-card").getByTestId("image-mask-count")).toContainText("masks");
  await manager.getByTestId("show-masks").uncheck();
  await expect(manager.getByTestId("mask-overlay")).toHaveCount(0);

  // The image's history: who did what, when.
  await manager.goto(`/projects/${projectId}/history/${first.imageId}`);
  const actions = await manager.getByTestId("history-entry").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-action")));
  expect(actions).toEqual(expect.arrayContaining(["image.import", "batch.create", "task.claim", "task.submit", "review.reject"]));
  await expect(manager.getByTestId("image-history")).toContainText("The wheel is missing from this mask");
  await screenshot(manager, "workflow-history");
  // Each hand-in of the accepted image is compared with what was accepted: the mask the reviewer added was missing.
  await manager.goto(`/projects/${projectId}/history/${corrected.imageId}`);
  await expect(manager.getByTestId("hand-in-quality").last()).toContainText("1 missing (added before acceptance)");
  await screenshot(manager, "workflow-history-quality");

  // Analytics: both images handed in without a pre-fill, one accepted after one rejection; the CSV has a line per mask.
  await manager.goto(`/projects/${projectId}?tab=analytics&days=7`);
  await expect(manager.getByTestId("stage-assisted_manual").first()).toHaveText("2");
  await expect(manager.getByTestId("stage-semi_automatic").first()).toHaveText("0");
  await expect(manager.getByTestId("total-imagesHandedIn")).toContainText("2 in 7 days");
  await expect(manager.getByTestId("review-accepted-value")).toHaveText("1");
  await expect(manager.getByTestId("review-rejections-value")).toHaveText("1");
  await expect(manager.locator('[data-testid="tool-usage-row"][data-tool="brush"]')).toBeVisible();
  await expect(manager.locator('[data-testid="team-work-row"]').filter({ hasText: demoAccount("annotator").name })).toBeVisible();
  // Quality from review: the annotator's one accepted image needed the reviewer's mask, so it was not accepted as is.
  const qualityRow = manager.locator('[data-testid="annotator-quality-row"]').filter({ hasText: demoAccount("annotator").name });
  await expect(qualityRow.locator("td").nth(1)).toHaveText("1");
  await expect(qualityRow.locator("td").nth(2)).toHaveText("0%");
  await expect(qualityRow.locator("td").nth(3)).not.toHaveText("100%");
  // The reviewer's side: one image accepted, sent back first, and corrected before accepting.
  const reviewerRow = manager.locator('[data-testid="reviewer-quality-row"]').filter({ hasText: demoAccount("reviewer").name });
  await expect(reviewerRow.locator("td")).toHaveText([demoAccount("reviewer").name, "1", "100%", "100%"]);
  await screenshot(manager, "workflow-analytics");
  // From there, the Images tab narrowed to the images review changed: the accepted one.
  await manager.getByTestId("quality-changed-images").click();
  await expect(manager).toHaveURL(/tab=images&review=changed/);
  await expect(manager.getByTestId("image-card")).toHaveCount(1);
  await expect(manager.getByTestId("image-review-filter")).toHaveValue("changed");
  // "Any review outcome" through the filter form (which sends review=) shows both images again.
  await manager.getByTestId("image-review-filter").selectOption("");
  await manager.getByRole("button", { name: "Apply" }).click();
  await expect(manager.getByTestId("image-card")).toHaveCount(2);
  await expect(manager.getByText("Filter ignored")).toHaveCount(0);
  // The annotator sees the same judgement of their own work under their queue.
  await annotator.goto(`/projects/${projectId}/queue`);
  await expect(annotator.getByTestId("my-quality")).toContainText("(1 accepted image): 0 accepted exactly as you handed them in");
  await screenshot(annotator, "workflow-my-quality");
  const csv = await manager.request.get(`/api/projects/${projectId}/analytics/masks`);
  expect(csv.status()).toBe(200);
  const csvLines = (await csv.text()).trim().split("\r\n");
  expect(csvLines[0]).toMatch(/^mask_id,image_id,file_name,label,source,/);
  const masks = ((await (await manager.request.get(`/api/images/${first.imageId}/annotations`)).json()) as { annotations: unknown[] }).annotations;
  expect(csvLines.length - 1).toBeGreaterThanOrEqual(masks.length);
  // The annotator may not read it.
  expect((await annotator.request.get(`/api/projects/${projectId}/analytics/masks`)).status()).toBe(403);
  // The per-hand-in quality CSV: one line per hand-in of the accepted image (its first one and the re-submission if any).
  const handIns = (await (await manager.request.get(`/api/projects/${projectId}/analytics/hand-ins`)).text()).trim().split("\r\n");
  expect(handIns[0]).toMatch(/^hand_in_id,image_id,file_name,annotator,/);
  expect(handIns.length).toBeGreaterThanOrEqual(2);
  expect(handIns.slice(1).every((line) => line.includes(corrected.imageId))).toBe(true);
  expect((await annotator.request.get(`/api/projects/${projectId}/analytics/hand-ins`)).status()).toBe(403);
});
