// Helpers shared by the browser tests: demo accounts, signing in, screenshots.
import { expect, type Page } from "@playwright/test";
import path from "node:path";
import { DEMO_ACCOUNTS } from "../../server/seed/demo-accounts";

export type DemoRole = (typeof DEMO_ACCOUNTS)[number]["role"];

export function demoAccount(role: DemoRole) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

export async function signIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
}

export async function signInAs(page: Page, role: DemoRole) {
  await signIn(page, demoAccount(role));
}

/** Every page the tests visit is captured here and looked at by a person. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join("e2e-artifacts", "screenshots", `${name}.png`), fullPage: true });
}

/** Fixture images written by e2e/support/start-e2e-server.ts. */
export function fixturePath(fileName: string): string {
  const port = process.env.E2E_PORT ?? "3100";
  return path.resolve(`data/e2e-${port}/import-root/fixtures`, fileName);
}
