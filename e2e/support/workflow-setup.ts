// Builders for the team-workflow specs: a signed-in browser context per role
// and a fresh project (annotator and reviewer as members, fixture images),
// made through the manager's UI like a person would.
import { expect, type Browser, type Page } from "@playwright/test";

type FilePayload = { name: string; mimeType: string; buffer: Buffer };
import { baseURL } from "../../playwright.config";
import { demoAccount, fixturePath, signIn, type DemoRole } from "./session";

export async function openAs(browser: Browser, role: DemoRole, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  await signIn(page, demoAccount(role));
  return page;
}

/** `images`: fixture file names (e2e fixtures folder) or in-memory files. */
export async function createWorkflowProject(manager: Page, options: { name: string; images: (string | FilePayload)[] }): Promise<string> {
  const create = manager.getByRole("form", { name: "Create project" });
  await create.getByLabel("Name").fill(options.name);
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
  await manager.getByRole("link", { name: "Images", exact: true }).click();
  const files = options.images.map((image) => (typeof image === "string" ? fixturePath(image) : image));
  await manager.getByTestId("upload-input").setInputFiles(files as string[] | FilePayload[]);
  await expect(manager.locator('[data-testid="upload-row"][data-state="imported"]')).toHaveCount(options.images.length, { timeout: 60_000 });
  return projectId;
}

/** The signed-in user's id (better-auth's session endpoint). */
export async function userIdOf(page: Page): Promise<string> {
  const response = await page.request.get("/api/auth/get-session");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { user: { id: string } }).user.id;
}

/** The image and task of the editor page the browser is on (`/annotate/<imageId>?task=<taskId>`). */
export function editorTaskOf(page: Page): { imageId: string; taskId: string } {
  const url = new URL(page.url());
  const imageId = url.pathname.split("/").pop()!;
  const taskId = url.searchParams.get("task");
  if (!taskId) throw new Error(`not a task editor URL: ${page.url()}`);
  return { imageId, taskId };
}
