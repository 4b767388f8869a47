// A manager sets hand-in rules in the project's Edit form; the work queue
// states them, and a hand-in that breaks them is refused in the editor with
// what to fix (nothing is handed in).
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { fixturePath, screenshot, signInAs } from "./support/session";

test("hand-in rules are shown on the queue and enforced at submit", async ({ page }) => {
  await signInAs(page, "manager");
  const created = await page.request.post("/api/projects", { data: { name: "Rules project" } });
  const projectId = ((await created.json()) as { id: string }).id;
  const upload = await page.request.post(`/api/projects/${projectId}/images`, {
    multipart: { file: { name: "rules.png", mimeType: "image/png", buffer: readFileSync(fixturePath("shape-640x480.png")) } },
  });
  expect(upload.status()).toBe(201);
  expect((await page.request.post(`/api/projects/${projectId}/batches`, { data: { name: "all", selection: { kind: "first_unassigned", count: 10 } } })).status()).toBe(201);

  await page.goto(`/projects/${projectId}`);
  await page.getByTestId("edit-project").click();
  const form = page.getByRole("form", { name: "Edit project" });
  // A negative minimum is stopped by the field itself (the server names it too: hand-in-rules.test.ts).
  await form.getByLabel("Minimum masks per image").fill("-2");
  expect(await form.getByLabel("Minimum masks per image").evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow)).toBe(true);
  await form.getByLabel(/Every mask has a label/).check();
  await form.getByLabel("Minimum masks per image").fill("2");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("form", { name: "Edit project" })).toHaveCount(0);

  await page.goto(`/projects/${projectId}/queue`);
  await expect(page.getByTestId("hand-in-rules")).toHaveText("Before handing in: every mask needs a label; at least 2 masks per image.");
  await page.getByTestId("start-annotate").click();
  await page.waitForURL(/\/annotate\/[^/?]+\?task=/);
  await page.getByTestId("task-submit").click();
  await expect(page.getByTestId("task-actions").getByTestId("form-error")).toContainText("This project asks for at least 2 masks per image; this one has 0.");
  await screenshot(page, "editor-hand-in-refused");
  const taskId = new URL(page.url()).searchParams.get("task")!;
  expect(((await (await page.request.get(`/api/tasks/${taskId}`)).json()) as { status: string }).status).toBe("in_progress");

  // Rules off again: the same hand-in goes through.
  await page.goto(`/projects/${projectId}`);
  await page.getByTestId("edit-project").click();
  await page.getByRole("form", { name: "Edit project" }).getByLabel(/Every mask has a label/).uncheck();
  await page.getByRole("form", { name: "Edit project" }).getByLabel("Minimum masks per image").fill("0");
  // Review sampling: nothing drawn for review, so this hand-in is accepted at once.
  const sampling = page.getByTestId("review-sampling");
  await expect(sampling).toContainText("Every hand-in waits for a reviewer.");
  await sampling.getByLabel("Share of hand-ins to review (percent)").fill("0");
  await expect(sampling.getByTestId("review-sampling-summary")).toContainText("every image they sent back before; no other hand-in goes to review too.");
  await screenshot(page, "project-review-sampling");
  await page.getByRole("form", { name: "Edit project" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("form", { name: "Edit project" })).toHaveCount(0);
  await page.getByTestId("edit-project").click();
  await expect(page.getByTestId("review-sampling")).toContainText("no other hand-in goes to review too. The rest are accepted as handed in.");
  const submitted = await page.request.post(`/api/tasks/${taskId}/submit`, { data: {} });
  expect(submitted.status()).toBe(200);
  expect(await submitted.json()).toMatchObject({ reviewed: false, reviewTask: null, task: { status: "accepted" } });

  await page.goto(`/projects/${projectId}?tab=analytics`);
  await expect(page.getByTestId("review-accepted")).toContainText("1 without review (sampling)");
  await expect(page.getByTestId("review-first-pass")).toContainText("0 of 0 reviewed");
  await screenshot(page, "analytics-review-sampling");

  // Its history says it was accepted without review and offers to send it to review.
  const imageId = ((await (await page.request.get(`/api/tasks/${taskId}`)).json()) as { imageId: string }).imageId;
  await page.goto(`/projects/${projectId}/history/${imageId}`);
  await expect(page.getByTestId("history-entry").filter({ hasText: "accepted without review" })).toHaveCount(1);
  await expect(page.getByTestId("request-review")).toBeVisible();
  await screenshot(page, "history-accepted-without-review");
  // The Images tab lists it as accepted without review; selected, it is sent to review from there.
  await page.goto(`/projects/${projectId}?review=unreviewed`);
  await expect(page.getByTestId("image-card")).toHaveCount(1);
  await page.getByTestId("select-page").click();
  await page.getByTestId("selection-review").click();
  await expect(page.getByTestId("selection-notice")).toHaveText("Sent 1 image to review.");
  await screenshot(page, "images-sent-to-review");
  expect(((await (await page.request.get(`/api/tasks/${taskId}`)).json()) as { status: string }).status).toBe("submitted");
  await expect(page.getByTestId("image-card")).toHaveCount(0);
  // The refresh that empties the filtered view keeps the confirmation on screen.
  await expect(page.getByTestId("no-matching-images")).toBeVisible();
  await expect(page.getByTestId("selection-notice")).toHaveText("Sent 1 image to review.");
  await screenshot(page, "images-sent-to-review-empty-view");
  await page.goto(`/projects/${projectId}/history/${imageId}`);
  await expect(page.getByTestId("history-entry").filter({ hasText: "sent it to review" })).toHaveCount(1);
  await expect(page.getByTestId("request-review")).toHaveCount(0);
});
