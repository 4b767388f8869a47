// Review sampling leaves images accepted without review; a manager sets the
// sampling from a script (PATCH /api/projects/:id), then spot-checks a random
// few of one annotator's from Analytics and the rest from the Images tab's
// "Accepted without review" view. Both confirmations outlive their refresh.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { demoAccount, fixturePath, screenshot, signInAs } from "./support/session";

test("spot-check images accepted without review, from Analytics and from the Images tab", async ({ page }) => {
  await signInAs(page, "manager");
  const created = await page.request.post("/api/projects", { data: { name: "Spot checks" } });
  const projectId = ((await created.json()) as { id: string }).id;
  for (const [name, mimeType] of [["shape-640x480.png", "image/png"], ["shape-800x600.jpg", "image/jpeg"], ["shape-320x240.webp", "image/webp"]] as const) {
    const upload = await page.request.post(`/api/projects/${projectId}/images`, { multipart: { file: { name, mimeType, buffer: readFileSync(fixturePath(name)) } } });
    expect(upload.status()).toBe(201);
  }
  // Nothing drawn for review; a typo is named, not ignored.
  const typo = await page.request.patch(`/api/projects/${projectId}`, { data: { reviewSampling: { percnt: 0 } } });
  expect(typo.status()).toBe(400);
  expect(JSON.stringify(await typo.json())).toContain("percnt");
  const patched = await page.request.patch(`/api/projects/${projectId}`, { data: { reviewSampling: { percent: 0 } } });
  expect(await patched.json()).toMatchObject({ reviewSampling: { percent: 0, firstHandIns: 0 } });
  expect((await page.request.post(`/api/projects/${projectId}/batches`, { data: { name: "all", selection: { kind: "first_unassigned", count: 10 } } })).status()).toBe(201);
  const nothingYet = await page.request.post(`/api/projects/${projectId}/images/spot-check`, { data: { count: 1 } });
  expect(nothingYet.status()).toBe(409);
  for (let index = 0; index < 3; index += 1) {
    const { task } = (await (await page.request.post(`/api/projects/${projectId}/tasks/claim`, { data: { stage: "annotate" } })).json()) as { task: { id: string } };
    const submitted = await page.request.post(`/api/tasks/${task.id}/submit`, { data: {} });
    expect(await submitted.json()).toMatchObject({ reviewed: false, task: { status: "accepted" } });
  }
  const zero = await page.request.post(`/api/projects/${projectId}/images/spot-check`, { data: { count: 0 } });
  expect(zero.status()).toBe(400);
  expect(JSON.stringify(await zero.json())).toContain("Spot-check at least one image");

  // Analytics: two of the manager's three, drawn at random.
  const name = demoAccount("manager").name;
  await page.goto(`/projects/${projectId}?tab=analytics`);
  const row = page.getByTestId("review-sampling-row").filter({ hasText: name });
  await expect(row).toContainText("3");
  await row.getByLabel(`Images to spot-check from ${name}`).fill("2");
  await row.getByRole("button", { name: "Spot-check" }).click();
  await expect(row.getByTestId("spot-check-sent")).toHaveText("Sent 2 of 3 images to review.");
  await expect(page.getByTestId("review-accepted")).toContainText("1 without review (sampling)");
  await expect(row.getByTestId("spot-check-sent")).toHaveText("Sent 2 of 3 images to review.");
  await screenshot(page, "analytics-spot-check");

  // Images tab: the one left, from the "Accepted without review" view.
  await page.goto(`/projects/${projectId}?review=unreviewed`);
  await expect(page.getByTestId("image-card")).toHaveCount(1);
  const form = page.getByRole("form", { name: "Spot check" });
  await expect(form.getByLabel("Images to spot-check")).toHaveValue("1");
  await screenshot(page, "images-spot-check");
  await form.getByRole("button", { name: "Send to review" }).click();
  await expect(page.getByTestId("no-matching-images")).toBeVisible();
  await expect(page.getByTestId("spot-check-sent")).toHaveText("Sent 1 image to review.");
  await screenshot(page, "images-spot-check-sent");
  await page.goto(`/projects/${projectId}?status=submitted`);
  await expect(page.getByTestId("image-card")).toHaveCount(3);
});
