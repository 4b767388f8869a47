// A manager makes an API token on the account page and a script (a bare HTTP
// client, no cookies) uses it: who am I, create a project, upload a picture,
// export; after revoking, the same token gets 401.
import { expect, request, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { fixturePath, screenshot, signInAs } from "./support/session";

test("an API token drives the REST API until it is revoked", async ({ page, baseURL }) => {
  await signInAs(page, "manager");
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Give the token a name");

  await form.getByLabel("Token name").fill("e2e importer");
  await form.getByLabel("Expires after").selectOption("30");
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toContainText("Copy it now");
  const secret = await shown.getByLabel("New token").inputValue();
  expect(secret).toMatch(/^mw_[A-Za-z0-9_-]{43}$/);
  await expect(shown).toContainText(`Bearer ${secret}`);
  const row = page.getByTestId("api-token-row").filter({ hasText: "e2e importer" });
  await expect(row).toContainText(secret.slice(0, 10));
  await expect(row).toContainText("never");
  await screenshot(page, "account-api-token-created");

  const script = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const me = await script.get("/api/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: "manager@maskwright.local", role: "manager", via: "token" });

  const created = await script.post("/api/projects", { data: { name: "Scripted import" } });
  expect(created.status()).toBe(201);
  const project = (await created.json()) as { id: string };
  const upload = await script.post(`/api/projects/${project.id}/images`, {
    multipart: { file: { name: "scripted.png", mimeType: "image/png", buffer: readFileSync(fixturePath("shape-640x480.png")) } },
  });
  expect(upload.status()).toBe(201);
  const images = (await (await script.get(`/api/projects/${project.id}/images`)).json()) as { items: { fileName: string }[] };
  expect(images.items.map((image) => image.fileName)).toEqual(["scripted.png"]);
  const listed = (await (await script.get("/api/projects")).json()) as { projects: { name: string; imageCount: number }[] };
  expect(listed.projects.find((entry) => entry.name === "Scripted import")?.imageCount).toBe(1);

  const started = await script.post(`/api/projects/${project.id}/exports`, { data: { format: "sa1b", statuses: ["todo", "in_progress", "submitted", "accepted", "rejected"] } });
  expect(started.status()).toBe(202);
  const exportId = ((await started.json()) as { id: string }).id;
  await expect.poll(async () => ((await (await script.get(`/api/exports/${exportId}`)).json()) as { status: string }).status, { timeout: 60_000 }).toBe("done");
  const download = await script.get(`/api/exports/${exportId}/download`);
  expect(download.status()).toBe(200);

  // The token cannot make more tokens; the person at the page can see it was used.
  expect((await script.post("/api/account/tokens", { data: { name: "child", lifetime: "never" } })).status()).toBe(403);
  await page.reload();
  await expect(row).not.toContainText("never");
  await expect(page.getByTestId("new-token")).toHaveCount(0);

  await row.getByRole("button", { name: "Revoke" }).click();
  await screenshot(page, "account-api-token-revoke-confirm");
  await row.getByRole("button", { name: "Revoke “e2e importer”" }).click();
  await expect(page.getByTestId("api-token-row").filter({ hasText: "e2e importer" })).toHaveCount(0);
  const refused = await script.get("/api/me");
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("revoked, expired");
  await script.dispose();
});

test("a token limited to one project and to reading", async ({ page, baseURL }) => {
  await signInAs(page, "manager");
  // A second project of the same manager, which the token must not reach.
  const otherProject = (await (await page.request.post("/api/projects", { data: { name: "Not for the dashboard" } })).json()) as { id: string };
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Token name").fill("e2e dashboard");
  await form.getByLabel("Only these:").check();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Tick the projects the token may reach");
  await form.getByRole("group", { name: "Projects the token may reach" }).getByLabel("Demo: shapes and scenes").check();
  await form.getByLabel(/Read-only/).check();
  await screenshot(page, "account-api-token-scoped-form");
  await form.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByTestId("new-token").getByLabel("New token").inputValue();
  const row = page.getByTestId("api-token-row").filter({ hasText: "e2e dashboard" });
  await expect(row.getByTestId("api-token-scope")).toHaveText("read: Demo: shapes and scenes");
  await screenshot(page, "account-api-token-scoped");

  const script = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const listed = (await (await script.get("/api/projects")).json()) as { projects: { id: string; name: string }[] };
  expect(listed.projects.map((project) => project.name)).toEqual(["Demo: shapes and scenes"]);
  const demoId = listed.projects[0]!.id;
  expect((await script.get(`/api/projects/${demoId}/label-classes`)).status()).toBe(200);
  const write = await script.post(`/api/projects/${demoId}/label-classes`, { data: { labels: [{ name: "from the dashboard" }] } });
  expect(write.status()).toBe(403);
  expect(((await write.json()) as { error: { message: string } }).error.message).toContain("This API token is read-only: it may not POST");
  const elsewhere = await script.get(`/api/projects/${otherProject.id}/label-classes`);
  expect(elsewhere.status()).toBe(403);
  expect(((await elsewhere.json()) as { error: { message: string } }).error.message).toContain("limited to other projects");
  expect(await (await script.get("/api/me")).json()).toMatchObject({ via: "token", token: { projectIds: [demoId], readOnly: true } });
  await script.dispose();
});

test("a token that acts as an annotator only: it labels, and manager actions are refused", async ({ page, baseURL }) => {
  await signInAs(page, "manager");
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Token name").fill("e2e labelling bot");
  await form.getByLabel("Acts as").selectOption("annotator");
  await screenshot(page, "account-api-token-role-form");
  await form.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByTestId("new-token").getByLabel("New token").inputValue();
  const row = page.getByTestId("api-token-row").filter({ hasText: "e2e labelling bot" });
  await expect(row.getByTestId("api-token-scope")).toHaveText("read and change (as an annotator): all your projects");
  await screenshot(page, "account-api-token-role");

  const script = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect(await (await script.get("/api/me")).json()).toMatchObject({ token: { projectRole: "annotator" } });
  const demoId = ((await (await script.get("/api/projects")).json()) as { projects: { id: string; name: string }[] }).projects.find((project) => project.name === "Demo: shapes and scenes")!.id;
  expect(await (await script.get(`/api/projects/${demoId}`)).json()).toMatchObject({ role: "annotator" });
  const write = await script.post(`/api/projects/${demoId}/label-classes`, { data: { labels: [{ name: "from the bot" }] } });
  expect(write.status()).toBe(403);
  expect(((await write.json()) as { error: { message: string } }).error.message).toBe("This API token's project role (annotator) may not edit label classes.");
  expect((await script.post("/api/projects", { data: { name: "bot project" } })).status()).toBe(403);
  await script.dispose();
});
