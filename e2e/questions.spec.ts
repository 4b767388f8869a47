// An annotator asks the managers about an image from the editor; a manager
// answers from the Work queue tab; the answer shows in the editor.
import { expect, test } from "@playwright/test";
import { demoImages, openEditor } from "./editor-helpers";
import { screenshot, signInAs } from "./support/session";

test("a question about an image is asked in the editor, answered on the work queue and read back", async ({ browser }) => {
  const annotatorContext = await browser.newContext();
  const annotator = await annotatorContext.newPage();
  await signInAs(annotator, "annotator");
  const { projectId, images } = await demoImages(annotator);
  const image = images[images.length - 1]!;
  await openEditor(annotator, projectId, image.id);
  const panel = annotator.getByTestId("image-questions");
  await panel.locator("summary").click();
  const question = `Does the shadow of a shape count as part of it? (${Date.now()})`;
  await panel.getByLabel("Question about this image").fill(question);
  await panel.getByRole("button", { name: "Ask" }).click();
  await expect(panel.getByTestId("image-question").filter({ hasText: question })).toContainText("Not answered yet");
  await screenshot(annotator, "editor-question-asked");

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAs(manager, "manager");
  await manager.goto(`/projects/${projectId}/queue`);
  const open = manager.getByTestId("open-question").filter({ hasText: question });
  await expect(open).toContainText(image.fileName);
  await open.getByLabel("Answer", { exact: true }).fill("No: the shadow stays out of the mask.");
  await screenshot(manager, "queue-open-questions");
  await open.getByRole("button", { name: "Answer" }).click();
  await expect(open).toHaveCount(0);

  await annotator.reload();
  const answered = annotator.getByTestId("image-question").filter({ hasText: question });
  await expect(answered.getByTestId("image-question-answer")).toContainText("No: the shadow stays out of the mask.");
  await screenshot(annotator, "editor-question-answered");
  await Promise.all([annotatorContext.close(), managerContext.close()]);
});
