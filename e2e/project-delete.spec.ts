// A manager deletes a project: the name must be typed, the server refuses
// while an annotator holds one of its images (and the form says who), and
// after the annotator lets go the project is gone for everyone (a page they
// left open says so).
import { expect, test } from "@playwright/test";
import { demoAccount, screenshot } from "./support/session";
import { createWorkflowProject, openAs } from "./support/workflow-setup";

test("a manager deletes a project after typing its name; refused while an annotator works on it", async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await openAs(browser, "manager");
  const annotator = await openAs(browser, "annotator");
  const name = `Doomed ${Date.now()}`;
  await manager.goto("/projects");
  const projectId = await createWorkflowProject(manager, { name, images: ["shape-640x480.png"] });
  const batch = await manager.request.post(`/api/projects/${projectId}/batches`, { data: { name: "All", selection: { kind: "first_unassigned", count: 1 } } });
  expect(batch.status()).toBe(201);
  const claim = await annotator.request.post(`/api/projects/${projectId}/tasks/claim`, { data: { stage: "annotate" } });
  const task = ((await claim.json()) as { task: { id: string } | null }).task;
  expect(task).not.toBeNull();

  await manager.goto(`/projects/${projectId}`);
  await manager.getByTestId("edit-project").click();
  await manager.getByTestId("open-delete-project").click();
  const dialog = manager.getByRole("alertdialog", { name: `Delete ${name}?` });
  await expect(dialog).toContainText("with its 1 image");
  const confirmButton = dialog.getByTestId("confirm-delete-project");
  await dialog.getByLabel(/to confirm/).fill(name.slice(0, -1));
  await expect(confirmButton).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(name);
  await confirmButton.click();
  await expect(dialog.getByTestId("form-error")).toContainText(`${demoAccount("annotator").name} is working on shape-640x480.png right now`);
  await screenshot(manager, "project-delete-refused");

  // The annotator lets go and keeps the queue page open; Enter in the field deletes now.
  expect((await annotator.request.post(`/api/tasks/${task!.id}/release`)).status()).toBe(200);
  await annotator.goto(`/projects/${projectId}/queue`);
  // Wait until the page has joined the project's room: a deletion before that would reach no one.
  await expect(annotator.getByTestId("queue-panel")).toHaveAttribute("data-live", "true");
  await expect(annotator.getByTestId("project-deleted-notice")).toHaveCount(0);
  await dialog.getByLabel(/to confirm/).press("Enter");
  await manager.waitForURL(/\/projects\?deleted=/);
  await expect(manager.getByText(`Deleted the project "${name}".`)).toBeVisible();
  await expect(manager.getByTestId("project-list")).not.toContainText(name);
  await screenshot(manager, "project-deleted");
  // The open page says what happened, and who did it.
  await expect(annotator.getByTestId("project-deleted-notice")).toContainText(`${demoAccount("manager").name} deleted “${name}”`);
  await screenshot(annotator, "project-deleted-notice");
  expect((await annotator.request.get(`/api/projects/${projectId}/images`)).status()).toBe(404);
  await annotator.goto(`/projects/${projectId}`);
  await expect(annotator.getByRole("heading", { name: /not found/i })).toBeVisible();
});
