import { expect, test } from "@playwright/test";
import { demoAccount, screenshot, signIn, signInAs } from "./support/session";

for (const role of ["admin", "manager", "annotator", "reviewer"] as const) {
  test(`${role} signs in and sees their projects`, async ({ page }) => {
    await signInAs(page, role);
    await expect(page.getByTestId("current-user")).toContainText(role);
    await expect(page.getByRole("link", { name: /Demo: shapes and scenes/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(role === "admin" ? 1 : 0);
    await screenshot(page, `projects-as-${role}`);
  });
}

test("a wrong password shows a clear error and no session", async ({ page }) => {
  await page.goto("/login");
  await screenshot(page, "login");
  await page.getByLabel("Email").fill(demoAccount("manager").email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await screenshot(page, "login-wrong-password");
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login$/);
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, "annotator");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login$/);
});

test("an admin creates a user, who can sign in until deactivated", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Name").fill("Nia New");
  await form.getByLabel("Email").fill("nia@example.com");
  await form.getByLabel("Initial password").fill("nia-password-1");
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("Created nia@example.com.")).toBeVisible();
  const row = page.getByTestId("user-row-nia@example.com");
  await expect(row).toContainText("active");
  await screenshot(page, "admin-users");

  const other = await browser.newContext();
  const niaPage = await other.newPage();
  await signIn(niaPage, { email: "nia@example.com", password: "nia-password-1" });
  await expect(niaPage.getByTestId("current-user")).toContainText("reviewer");

  // Nia replaces the password the admin handed out, from her account page.
  await niaPage.getByTestId("current-user").click();
  await expect(niaPage).toHaveURL(/\/account$/);
  const change = niaPage.getByRole("form", { name: "Change password" });
  await change.getByLabel("Current password").fill("wrong-password");
  await change.getByLabel(/^New password \(/).fill("nia-password-2");
  await change.getByLabel("New password again").fill("nia-password-2");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(niaPage.getByTestId("form-error")).toContainText("The current password is not right.");
  await change.getByLabel("Current password").fill("nia-password-1");
  await change.getByLabel(/^New password \(/).fill("nia-password-2");
  await change.getByLabel("New password again").fill("nia-password-2");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(niaPage.getByTestId("password-changed")).toContainText("Password changed.");
  await screenshot(niaPage, "account-password");
  await niaPage.getByRole("button", { name: "Sign out" }).click();
  // Signed out first: a signed-in visitor of /login is sent on to /projects.
  await expect(niaPage).toHaveURL(/\/login$/);
  await signIn(niaPage, { email: "nia@example.com", password: "nia-password-2" });
  await expect(niaPage.getByTestId("current-user")).toContainText("reviewer");

  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("deactivated");
  // The open session ends at once, and signing in again is refused.
  await niaPage.goto("/projects");
  await expect(niaPage).toHaveURL(/\/login$/);
  await niaPage.getByLabel("Email").fill("nia@example.com");
  await niaPage.getByLabel("Password").fill("nia-password-2");
  await niaPage.getByRole("button", { name: "Sign in" }).click();
  await expect(niaPage.getByTestId("form-error")).toContainText("deactivated");
  await other.close();
});

test("an admin sees the system status with a running worker; others are refused", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Status" }).click();
  await expect(page.getByRole("heading", { name: "System status" })).toBeVisible();
  await expect(page.getByTestId("status-worker")).toContainText("running (1)");
  await expect(page.getByTestId("job-queue-row").filter({ hasText: "encode-image" })).toBeVisible();
  // The e2e server lets webhooks reach the test receiver on loopback (MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS).
  await expect(page.getByText("sent to public addresses and 127.0.0.1")).toBeVisible();
  await screenshot(page, "admin-status");
  const status = (await (await page.request.get("/api/admin/status")).json()) as { workers: { alive: boolean }[]; embeddings: { done: number } };
  expect(status.workers.filter((worker) => worker.alive)).toHaveLength(1);
  expect(status.embeddings.done).toBeGreaterThan(0);

  const other = await browser.newContext();
  const manager = await other.newPage();
  await signInAs(manager, "manager");
  await expect(manager.getByRole("link", { name: "Status" })).toHaveCount(0);
  expect((await manager.request.get("/api/admin/status")).status()).toBe(403);
  await other.close();
});
