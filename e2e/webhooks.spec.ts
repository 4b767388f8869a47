// A manager adds a webhook pointing at a receiver this test runs, sends a
// test ping and starts an export; the worker delivers both, signed. A failing
// receiver shows as retrying; pause, edit and delete work from the tab.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { screenshot, signInAs } from "./support/session";

test("webhooks deliver signed events to a receiver, and show retries", async ({ page, browser }) => {
  const received: { event: string; signature: string; body: string }[] = [];
  let answer = 200;
  const receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ event: String(request.headers["x-maskwright-event"]), signature: String(request.headers["x-maskwright-signature"]), body });
      response.writeHead(answer).end(answer === 200 ? "ok" : "broken on purpose");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/maskwright`;

  await signInAs(page, "manager");
  await page.getByRole("link", { name: /Demo: shapes and scenes/ }).click();
  await page.getByRole("link", { name: "Webhooks" }).click();
  const form = page.getByRole("form", { name: "Add a webhook" });
  await form.getByLabel("Payload URL").fill("not a url");
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByTestId("form-error")).toContainText("full http:// or https:// address");
  // The worker must not be pointed into its own network (this server allows only 127.0.0.1 for the test's receiver).
  await form.getByLabel("Payload URL").fill("http://169.254.169.254/latest/meta-data/");
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByTestId("form-error")).toContainText("169.254.169.254 is a link-local address; webhooks only go to public addresses");
  await form.getByLabel("Payload URL").fill(url);
  await form.getByRole("button", { name: "Add webhook" }).click();
  const secret = await page.getByTestId("webhook-secret").getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  const card = page.getByTestId("webhook-card").filter({ hasText: url });
  await expect(card).toContainText("Active");

  await card.getByRole("button", { name: "Send test" }).click();
  await expect(card.getByTestId("webhook-delivery").first()).toContainText("Delivered (200)", { timeout: 20_000 });
  const ping = received.find((entry) => entry.event === "ping")!;
  expect(ping.signature).toBe(`sha256=${createHmac("sha256", secret).update(ping.body).digest("hex")}`);
  expect(JSON.parse(ping.body)).toMatchObject({ event: "ping", project: { name: "Demo: shapes and scenes" }, data: { sentBy: { name: "Max Manager" } } });

  const projectId = new URL(page.url()).pathname.split("/")[2]!;
  expect((await page.request.post(`/api/projects/${projectId}/exports`, { data: { format: "sa1b" } })).status()).toBe(202);
  await expect(card.getByTestId("webhook-delivery").first()).toContainText("export.finished", { timeout: 30_000 });
  await expect(card.getByTestId("webhook-delivery").first()).toContainText("Delivered (200)", { timeout: 20_000 });
  const finished = JSON.parse(received.find((entry) => entry.event === "export.finished")!.body) as { data: { status: string; downloadUrl: string } };
  expect(finished.data.status).toBe("done");
  expect(finished.data.downloadUrl).toMatch(/\/api\/exports\/[^/]+\/download$/);
  await screenshot(page, "project-webhooks");

  answer = 500;
  await card.getByRole("button", { name: "Send test" }).click();
  await expect(card.getByTestId("webhook-delivery").first()).toContainText("Retrying: try 2", { timeout: 20_000 });
  await expect(card.getByTestId("webhook-delivery").first()).toContainText("The receiver answered HTTP 500: broken on purpose");
  await screenshot(page, "project-webhooks-retrying");

  await card.getByRole("button", { name: "Pause" }).click();
  await expect(card).toContainText("Paused");
  await card.getByRole("button", { name: "Edit" }).click();
  const edit = card.getByRole("form", { name: "Edit webhook" });
  await edit.getByLabel(/task\.submitted/).uncheck();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(card).not.toContainText("task.submitted");
  await expect(card).toContainText("review.accepted");

  // Webhooks are the managers': an annotator sees no tab and gets 403 from the API.
  const other = await browser.newContext();
  const annotator = await other.newPage();
  await signInAs(annotator, "annotator");
  await annotator.goto(`/projects/${projectId}?tab=webhooks`);
  await expect(annotator.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  expect((await annotator.request.get(`/api/projects/${projectId}/webhooks`)).status()).toBe(403);
  await other.close();

  await card.getByRole("button", { name: "Delete" }).click();
  await card.getByRole("button", { name: "Delete it and its log" }).click();
  await expect(page.getByTestId("webhook-card")).toHaveCount(0);
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
