// The Images tab's bulk actions: a manager ticks images (the selection
// survives a reload), cuts a batch from them for one annotator, then deletes
// some of them; the delete is refused while the annotator holds one, and says so.
import { expect, test } from "@playwright/test";
import { demoAccount, screenshot } from "./support/session";
import { createWorkflowProject, openAs, userIdOf } from "./support/workflow-setup";

test("select images, batch them for an annotator, delete them once nobody holds one", async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await openAs(browser, "manager");
  const annotator = await openAs(browser, "annotator");
  await manager.goto("/projects");
  const projectId = await createWorkflowProject(manager, { name: `Selection ${Date.now()}`, images: ["shape-640x480.png", "shape-800x600.jpg", "shape-320x240.webp"] });
  await manager.goto(`/projects/${projectId}?tab=images`);
  const bar = manager.getByTestId("image-selection-bar");
  await expect(manager.getByTestId("image-card")).toHaveCount(3);

  // One tick, kept across a reload; then the whole page.
  await manager.getByTestId("image-card").first().hover();
  await manager.getByTestId("select-image").first().check();
  await expect(manager.getByTestId("selection-count")).toHaveText("1 image selected");
  await manager.reload();
  await expect(manager.getByTestId("selection-count")).toHaveText("1 image selected");
  await expect(manager.getByTestId("select-image").first()).toBeChecked();
  await manager.getByTestId("select-page").click();
  await expect(manager.getByTestId("selection-count")).toHaveText("3 images selected");

  // A batch from the selection, for the annotator.
  await manager.getByTestId("selection-batch").click();
  const form = manager.getByRole("form", { name: "Batch from selection" });
  await form.getByLabel("Batch name").fill("Picked by hand");
  await form.getByLabel("Assign to").selectOption({ label: demoAccount("annotator").name });
  await screenshot(manager, "images-selection-batch");
  await form.getByRole("button", { name: "Batch 3 images" }).click();
  await expect(manager.getByTestId("selection-notice")).toContainText('Batch "Picked by hand" holds 3 images.');
  await expect(bar).toHaveAttribute("data-selected", "0");
  await expect(manager.getByTestId("select-image").first()).not.toBeChecked();
  const annotatorId = await userIdOf(annotator);
  const batches = (await (await manager.request.get(`/api/projects/${projectId}/batches`)).json()) as { batches: { name: string; counts: Record<string, number>; assignees?: unknown }[] };
  expect(JSON.stringify(batches)).toContain("Picked by hand");

  // The annotator takes one; deleting the selection is refused as a whole and names them.
  const claim = await annotator.request.post(`/api/projects/${projectId}/tasks/claim`, { data: { stage: "annotate" } });
  const task = ((await claim.json()) as { task: { id: string; assigneeId: string } | null }).task;
  expect(task?.assigneeId).toBe(annotatorId);
  await manager.getByTestId("select-page").click();
  await manager.getByTestId("selection-delete").click();
  await expect(manager.getByRole("alertdialog", { name: "Delete the selected images?" })).toContainText("Delete 3 images?");
  await manager.getByTestId("confirm-delete-selection").click();
  await expect(manager.getByTestId("selection-notice")).toContainText(`${demoAccount("annotator").name} is labelling`);
  await screenshot(manager, "images-selection-refused");
  await expect(manager.getByTestId("image-card")).toHaveCount(3);

  // Released, and one image left out: the other two go.
  expect((await annotator.request.post(`/api/tasks/${task!.id}/release`)).status()).toBe(200);
  const keep = manager.getByTestId("image-card").first();
  const keptName = (await keep.getByRole("link").getAttribute("title"))!.replace(/^Open | in the editor$/g, "");
  await keep.getByTestId("select-image").uncheck();
  await expect(manager.getByRole("alertdialog", { name: "Delete the selected images?" })).toContainText("Delete 2 images?");
  await manager.getByTestId("confirm-delete-selection").click();
  await expect(manager.getByTestId("selection-notice")).toHaveText("Deleted 2 images.");
  await expect(manager.getByTestId("image-card")).toHaveCount(1);
  await expect(manager.getByTestId("image-card")).toContainText(keptName);
  await expect(bar).toHaveAttribute("data-selected", "0");
});
