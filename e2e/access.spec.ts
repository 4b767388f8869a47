import { expect, test } from "@playwright/test";
import { fixturePath, screenshot, signInAs } from "./support/session";
import { readFileSync } from "node:fs";

test("an annotator cannot open admin pages or other projects, and nothing leaks", async ({ browser }) => {
  // The manager makes a project the annotator is not a member of, with one image.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAs(manager, "manager");
  const create = manager.getByRole("form", { name: "Create project" });
  await create.getByLabel("Name").fill("Private project");
  await create.getByRole("button", { name: "Create project" }).click();
  await manager.waitForURL(/\/projects\/[^/?]+$/);
  await expect(manager.getByRole("heading", { level: 1, name: "Private project" })).toBeVisible();
  const projectId = manager.url().split("/projects/")[1]?.split(/[?#]/)[0] ?? "";
  expect(projectId).not.toBe("");
  const upload = await manager.request.post(`/api/projects/${projectId}/images`, {
    multipart: { file: { name: "secret.png", mimeType: "image/png", buffer: readFileSync(fixturePath("shape-640x480.png")) } },
  });
  expect(upload.status()).toBe(201);
  const imageId = ((await upload.json()) as { image: { id: string } }).image.id;

  const annotatorContext = await browser.newContext();
  const annotator = await annotatorContext.newPage();
  await signInAs(annotator, "annotator");

  const admin = await annotator.goto("/admin/users");
  expect(admin?.status()).toBe(403);
  await expect(annotator.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await screenshot(annotator, "annotator-admin-403");

  const other = await annotator.goto(`/projects/${projectId}`);
  expect(other?.status()).toBe(404);
  await expect(annotator.getByText("Private project")).toHaveCount(0);
  await screenshot(annotator, "annotator-other-project-404");

  for (const url of [`/api/projects/${projectId}/images`, `/api/images/${imageId}/file`, `/api/images/${imageId}/thumbnail`]) {
    const response = await annotator.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text()).not.toContain("secret.png");
  }
  const write = await annotator.request.post(`/api/projects/${projectId}/images`, {
    multipart: { file: { name: "x.png", mimeType: "image/png", buffer: readFileSync(fixturePath("shape-640x480.png")) } },
  });
  expect(write.status()).toBe(404);

  // Signed out: APIs answer 401, pages redirect to the login.
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get(`/api/images/${imageId}/file`);
  expect(response.status()).toBe(401);
  await Promise.all([managerContext.close(), annotatorContext.close(), anonymous.close()]);
});

test("an admin imports a server folder; bad files are listed, paths outside the root refused", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: /Demo: shapes and scenes/ }).click();
  await page.getByText("Import a folder from the server (admin)").click();
  const form = page.getByRole("form", { name: "Import server folder" });
  await form.getByLabel(/Folder under/).fill("../../etc");
  await form.getByRole("button", { name: "Import folder" }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await form.getByLabel(/Folder under/).fill("fixtures");
  await form.getByRole("button", { name: "Import folder" }).click();
  // The six valid fixtures import; the four broken raster files fail; drawing.svg is not an image extension, so it is skipped.
  await expect(page.getByText("6 imported, 0 already in the project, 4 failed.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("folder-import-failures")).toContainText("bomb-30000x30000.png");
  await expect(page.getByTestId("folder-import-failures")).toContainText("truncated.jpg");
  await screenshot(page, "project-folder-import");
});
