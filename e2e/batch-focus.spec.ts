// The work queue lists batches with work; "Label" on one opens its first
// image, and "Submit & next" stays in that batch until it is used up.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { fixturePath, screenshot, signInAs } from "./support/session";

test("a person works through one batch from the queue", async ({ page }) => {
  await signInAs(page, "manager");
  const projectId = ((await (await page.request.post("/api/projects", { data: { name: "Batch focus" } })).json()) as { id: string }).id;
  const imageIds: string[] = [];
  for (const name of ["a.png", "b.png", "c.png"]) {
    // Different bytes per file: identical uploads are recognised as duplicates.
    const bytes = Buffer.concat([readFileSync(fixturePath("shape-640x480.png")), Buffer.from(name)]);
    const upload = await page.request.post(`/api/projects/${projectId}/images`, { multipart: { file: { name, mimeType: "image/png", buffer: bytes } } });
    expect(upload.status()).toBe(201);
    imageIds.push(((await upload.json()) as { image: { id: string } }).image.id);
  }
  const batch = async (name: string, ids: string[], priority: number, dueOn: string | null = null) =>
    expect((await page.request.post(`/api/projects/${projectId}/batches`, { data: { name, priority, dueOn, selection: { kind: "images", imageIds: ids } } })).status()).toBe(201);
  const today = new Date().toISOString().slice(0, 10);
  await batch("urgent", [imageIds[2]!], 5, today);
  await batch("street", [imageIds[0]!, imageIds[1]!], 0);

  // The project page tells the manager about the batch due today.
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByTestId("due-batch")).toHaveText(`urgent: 1 image open, due today (${today})`);
  await screenshot(page, "project-due-batches");

  await page.goto(`/projects/${projectId}/queue`);
  const rows = page.getByTestId("queue-batch");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("urgent");
  await expect(rows.first().getByTestId("batch-due")).toHaveText(`due today (${today})`);
  await expect(rows.filter({ hasText: "street" }).getByTestId("batch-due")).toHaveCount(0);
  await screenshot(page, "queue-by-batch");
  await rows.filter({ hasText: "street" }).getByRole("button", { name: "Label 2" }).click();
  await page.waitForURL(/\/annotate\/[^/?]+\?task=[^&]+&batch=/);
  const firstImage = new URL(page.url()).pathname.split("/").pop()!;
  expect([imageIds[0], imageIds[1]]).toContain(firstImage);

  await page.getByTestId("task-submit").click();
  await page.waitForURL((url) => url.searchParams.has("batch") && !url.pathname.endsWith(firstImage));
  const secondImage = new URL(page.url()).pathname.split("/").pop()!;
  expect([imageIds[0], imageIds[1]]).toContain(secondImage);

  // The batch is used up: the queue page, although "urgent" still has work.
  await page.getByTestId("task-submit").click();
  await page.waitForURL(/\/queue\?done=submitted$/);
  await expect(page.getByTestId("queue-batch")).toHaveCount(0);
  await expect(page.getByTestId("queue-pool")).toHaveText("1");
});
