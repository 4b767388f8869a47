// The team workflow in three browsers at once — manager, annotator, reviewer:
// a batch assigned by the manager appears live in the annotator's queue; a mask
// the annotator commits appears live in the reviewer's view of the image; the
// reviewer's rejection comments reach the annotator live; fix -> accept; the
// batch progress follows live on the manager's page.
//
// The mask is committed through the real save API from the annotator's
// browser session (with the task's lease), not drawn on the editor's canvas:
// the editor's own drawing is covered by its specs; here the point is the
// lease-checked commit and the live path to the reviewer.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createMask, encodeMaskToRle, paintDisc } from "../lib/mask";
import { baseURL } from "../playwright.config";
import { demoAccount, fixturePath, screenshot, signIn, type DemoRole } from "./support/session";

async function openAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, demoAccount(role));
  return page;
}

type TaskDetails = { id: string; imageId: string; image: { width: number; height: number } };

test("manager assigns, annotator labels, reviewer rejects with a pinned comment, fix, accept — all live", async ({ browser }) => {
  test.setTimeout(240_000);
  const manager = await openAs(browser, "manager");
  const annotator = await openAs(browser, "annotator");
  const reviewer = await openAs(browser, "reviewer");

  // Manager: a project with the annotator and the reviewer, two images.
  const create = manager.getByRole("form", { name: "Create project" });
  await create.getByLabel("Name").fill(`Workflow ${Date.now()}`);
  await create.getByRole("button", { name: "Create project" }).click();
  await manager.waitForURL(/\/projects\/[^/?]+$/);
  const projectId = new URL(manager.url()).pathname.split("/").pop()!;
  await manager.getByRole("link", { name: "Members" }).click();
  const memberForm = manager.getByRole("form", { name: "Add member" });
  for (const role of ["annotator", "reviewer"] as const) {
    await memberForm.getByLabel(/Email of an existing user/).fill(demoAccount(role).email);
    await memberForm.getByLabel("Project role").selectOption(role);
    await memberForm.getByRole("button", { name: "Add member" }).click();
    await expect(manager.getByTestId("member-table")).toContainText(demoAccount(role).email);
  }
  await manager.getByRole("link", { name: "Images" }).click();
  await manager.getByTestId("upload-input").setInputFiles([fixturePath("shape-640x480.png"), fixturePath("shape-800x600.jpg")]);
  await expect(manager.locator('[data-testid="upload-row"][data-state="imported"]')).toHaveCount(2, { timeout: 60_000 });

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

  // Live: the assignment reaches the annotator's open page without a reload.
  await expect(annotator.getByTestId("queue-assigned")).toHaveText("2");
  await expect(annotator.getByTestId("notice-assigned")).toContainText("2 new images assigned to you");
  await screenshot(annotator, "workflow-annotator-assigned");

  // Annotator: Start labeling opens the editor on the first image under a lease.
  await annotator.getByTestId("start-annotate").click();
  await annotator.waitForURL(/\/annotate\/[^/?]+\?task=/);
  const taskId = new URL(annotator.url()).searchParams.get("task")!;
  const task = (await (await annotator.request.get(`/api/tasks/${taskId}`)).json()) as TaskDetails;
  await expect(card.getByTestId("batch-count-in_progress")).toHaveText("1");
  await screenshot(annotator, "workflow-editor");

  // Reviewer watches the image live while it is being labeled.
  await reviewer.goto(`/projects/${projectId}/review/${taskId}`);
  const canvas = reviewer.getByTestId("review-canvas");
  await expect(canvas).toHaveAttribute("data-mask-count", "0");
  await expect(reviewer.getByTestId("viewers")).toContainText(demoAccount("reviewer").name); // joined the image's room

  // The annotator commits a mask (real save API, lease-checked) ...
  const mask = createMask(task.image.width, task.image.height);
  paintDisc(mask, Math.round(task.image.width / 2), Math.round(task.image.height / 2), 60, 1);
  const saved = await annotator.request.post(`/api/images/${task.imageId}/annotations`, {
    data: { id: crypto.randomUUID(), labelClassId: null, rle: encodeMaskToRle(mask), taskId },
  });
  expect(saved.status()).toBe(201);
  // ... and it appears in the reviewer's view at once.
  await expect(canvas).toHaveAttribute("data-mask-count", "1");
  await screenshot(reviewer, "workflow-reviewer-live-mask");

  // Submit: the reviewer's view and queue follow live.
  expect((await annotator.request.post(`/api/tasks/${taskId}/submit?next=0`)).status()).toBe(200);
  await expect(reviewer.getByTestId("watch-status")).toHaveAttribute("data-status", "submitted");
  await annotator.goto(`/projects/${projectId}/queue`);
  await reviewer.goto(`/projects/${projectId}/queue`);
  await expect(reviewer.getByTestId("queue-review-waiting")).toHaveText("1");
  await expect(card.getByTestId("batch-count-submitted")).toHaveText("1");

  // Reviewer: Start reviewing, pin a comment on the mask, reject.
  await reviewer.getByTestId("start-review").click();
  await reviewer.waitForURL(/\/review\/[^/?]+$/);
  await expect(reviewer.getByTestId("review-canvas")).toHaveAttribute("data-mask-count", "1");
  const box = (await reviewer.getByTestId("review-canvas").boundingBox())!;
  await reviewer.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await reviewer.getByLabel("Comment 1", { exact: true }).fill("The wheel is missing from this mask");
  await screenshot(reviewer, "workflow-review-comment");
  await reviewer.getByTestId("review-reject").click();
  await reviewer.waitForURL(/\/queue/);

  // Live: the rejection and its comment reach the annotator's open page.
  await expect(annotator.getByTestId("notice-rejected")).toContainText("The wheel is missing from this mask");
  await expect(annotator.getByTestId("queue-rework")).toHaveText("1");
  await expect(card.getByTestId("batch-count-rejected")).toHaveText("1");
  await screenshot(annotator, "workflow-annotator-rejected");

  // Fix: the rework comes back to the same annotator first, comments pinned to the mask.
  await annotator.getByTestId("start-annotate").click();
  await annotator.waitForURL(new RegExp(`/annotate/${task.imageId}\\?task=${taskId}`));
  const comments = (await (await annotator.request.get(`/api/tasks/${taskId}/comments`)).json()) as { comments: { comment: string; annotationId: string | null; pinX: number }[] };
  expect(comments.comments).toEqual([expect.objectContaining({ comment: "The wheel is missing from this mask", annotationId: expect.any(String) })]);
  paintDisc(mask, Math.round(task.image.width / 2) + 50, Math.round(task.image.height / 2), 30, 1);
  const fixed = await annotator.request.post(`/api/images/${task.imageId}/annotations`, { data: { id: crypto.randomUUID(), labelClassId: null, rle: encodeMaskToRle(mask), taskId } });
  expect(fixed.status()).toBe(201);
  expect((await annotator.request.post(`/api/tasks/${taskId}/submit?next=0`)).status()).toBe(200);

  // Accept.
  await reviewer.goto(`/projects/${projectId}/queue`);
  await reviewer.getByTestId("start-review").click();
  await reviewer.waitForURL(/\/review\/[^/?]+$/);
  await expect(reviewer.getByTestId("review-canvas")).toHaveAttribute("data-mask-count", "2");
  await reviewer.getByTestId("review-accept").click();
  await reviewer.waitForURL(/\/queue/);
  await expect(card.getByTestId("batch-count-accepted")).toHaveText("1");
  await screenshot(manager, "workflow-batches");

  // The image's history: who did what, when.
  await manager.goto(`/projects/${projectId}/history/${task.imageId}`);
  const actions = await manager.getByTestId("history-entry").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-action")));
  expect(actions).toEqual(expect.arrayContaining(["image.import", "batch.create", "task.claim", "task.submit", "review.reject", "review.accept"]));
  await expect(manager.getByTestId("image-history")).toContainText("The wheel is missing from this mask");
  await screenshot(manager, "workflow-history");

  // A lost lease: the annotator's save on a task they no longer hold is a 409 with a clear message.
  const late = await annotator.request.post(`/api/images/${task.imageId}/annotations`, { data: { id: crypto.randomUUID(), labelClassId: null, rle: encodeMaskToRle(mask), taskId } });
  expect(late.status()).toBe(409);
  expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(/accepted|lease/);
});
