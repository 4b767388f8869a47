import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { makeZip } from "../server/exports/testing/coco-fixture";
import { fixturePath, screenshot, signInAs, demoAccount } from "./support/session";

test("a manager sets up a project: labels, members, images with per-file errors", async ({ page }) => {
  await signInAs(page, "manager");
  const create = page.getByRole("form", { name: "Create project" });
  await create.getByLabel("Name").fill("E2E street scenes");
  await create.getByLabel(/Description/).fill("Created by the browser test");
  await create.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(/\/projects\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "E2E street scenes" })).toBeVisible();
  await screenshot(page, "project-empty");
  // Managers edit the description (and name) in place.
  await page.getByTestId("edit-project").click();
  const editProject = page.getByRole("form", { name: "Edit project" });
  await editProject.getByLabel("Description").fill("Street scenes for the browser test");
  await editProject.getByLabel("Instructions for annotators and reviewers").fill("One mask per car.\nLeave out reflections in windows.");
  await editProject.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Street scenes for the browser test")).toBeVisible();
  await expect(page.getByRole("form", { name: "Edit project" })).toHaveCount(0);
  // The work queue shows the instructions open.
  await page.getByRole("link", { name: "Work queue" }).click();
  await expect(page.getByTestId("project-instructions")).toContainText("One mask per car.");
  await expect(page.getByTestId("project-instructions")).toHaveAttribute("open", "");
  await screenshot(page, "queue-instructions");

  // Label classes
  await page.getByRole("link", { name: "Label classes" }).click();
  for (const name of ["car", "person"]) {
    const form = page.getByRole("form", { name: "Add label class" });
    await form.getByLabel("Label name").fill(name);
    await form.getByRole("button", { name: "Add label" }).click();
    await expect(page.getByTestId("label-list")).toContainText(name);
  }
  const duplicate = page.getByRole("form", { name: "Add label class" });
  await duplicate.getByLabel("Label name").fill("car");
  await duplicate.getByRole("button", { name: "Add label" }).click();
  await expect(page.getByTestId("form-error")).toContainText('"car" already exists');
  // Editing the name clears the stale error.
  await duplicate.getByLabel("Label name").fill("cars");
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  await duplicate.getByLabel("Label name").fill("");
  // Rename in place, move up (the editor's 1-9 order), delete after a confirmation.
  await page.getByRole("button", { name: "Edit label car" }).click();
  const edit = page.getByRole("form", { name: "Edit label car" });
  await edit.getByLabel("New name").fill("vehicle");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.locator('[data-testid="label-row"][data-label="vehicle"]')).toBeVisible();
  // A description tells annotators what a class covers; the editor shows it (checked below).
  await page.getByRole("button", { name: "Edit label person" }).click();
  const editPerson = page.getByRole("form", { name: "Edit label person" });
  await editPerson.getByLabel("Description for annotators").fill("Anyone on foot; riders go with their bike.");
  await editPerson.getByRole("button", { name: "Save" }).click();
  await expect(page.locator('[data-testid="label-row"][data-label="person"]').getByTestId("label-description")).toHaveText("Anyone on foot; riders go with their bike.");
  await page.getByRole("button", { name: "Move person up" }).click();
  await expect(page.getByTestId("label-row").first()).toHaveAttribute("data-label", "person");
  await page.getByRole("button", { name: "Delete label vehicle" }).click();
  await expect(page.getByRole("alertdialog", { name: "Delete vehicle?" })).toContainText("No mask uses it.");
  await screenshot(page, "project-labels");
  await page.getByRole("button", { name: "Delete label", exact: true }).click();
  await expect(page.getByTestId("label-row")).toHaveCount(1);
  await expect(page.getByTestId("label-list")).not.toContainText("vehicle");
  // More classes than number keys (the editor then offers a label search, checked below): pasted as a list.
  await page.getByTestId("bulk-labels").locator("summary").click();
  const pasteForm = page.getByRole("form", { name: "Paste label classes" });
  await pasteForm.getByLabel("One name per line").fill(["person", ...Array.from({ length: 10 }, (_, n) => `kind ${String(n + 1).padStart(2, "0")}`), ""].join("\n"));
  await pasteForm.getByRole("button", { name: "Add these" }).click();
  await expect(pasteForm.getByRole("status")).toHaveText("Added 10 label classes; already here: person.");
  await expect(page.getByTestId("label-row")).toHaveCount(11);
  await expect(page.getByTestId("label-row").last()).toHaveAttribute("data-label", "kind 10");

  // Members
  await page.getByRole("link", { name: "Members" }).click();
  const member = page.getByRole("form", { name: "Add member" });
  await member.getByLabel(/Email of an existing user/).fill(demoAccount("reviewer").email);
  await member.getByLabel("Project role").selectOption("reviewer");
  await member.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("member-table")).toContainText(demoAccount("reviewer").email);
  await member.getByLabel(/Email of an existing user/).fill("nobody@example.com");
  await member.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("form-error")).toContainText("No user with email nobody@example.com");
  // Removing the only manager is refused, and the page says why.
  await page.getByRole("button", { name: `Remove ${demoAccount("manager").email}` }).click();
  await expect(page.getByTestId("member-table")).toContainText(demoAccount("manager").email);
  await expect(page.getByText("A project needs at least one manager: add another manager first.")).toBeVisible();
  await screenshot(page, "project-members");

  // Analytics (managers): the per-person table lists every member; with no work yet the figures are dashes, not zeros.
  await page.getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByTestId("team-work-row")).toHaveCount(2);
  await expect(page.getByTestId("stage-assisted_manual").nth(1)).toHaveText("—");
  await expect(page.getByTestId("daily-bars").locator("figure")).toHaveCount(3);
  await expect(page.getByTestId("label-stats-row")).toHaveCount(11);
  await page.goto(`${page.url().replace(/days=\d+/, "")}&days=12`);
  await expect(page.getByTestId("period-error")).toHaveText("Period ignored: days: must be one of 7, 30, 90");

  // Images: valid files import while each bad one gets its own message.
  await page.getByRole("link", { name: "Images" }).click();
  const files = ["shape-640x480.png", "shape-800x600.jpg", "corrupt.png", "drawing.svg", "bomb-30000x30000.png", "truncated.jpg"];
  await page.getByTestId("upload-input").setInputFiles(files.map(fixturePath));
  const rows = page.getByTestId("upload-row");
  await expect(rows).toHaveCount(files.length);
  await expect(page.locator('[data-testid="upload-row"][data-state="uploading"]')).toHaveCount(0, { timeout: 60_000 });
  const rowFor = (name: string) => rows.filter({ hasText: name });
  await expect(rowFor("shape-640x480.png")).toHaveAttribute("data-state", "imported");
  await expect(rowFor("shape-800x600.jpg")).toHaveAttribute("data-state", "imported");
  for (const bad of ["corrupt.png", "drawing.svg", "bomb-30000x30000.png", "truncated.jpg"]) {
    await expect(rowFor(bad)).toHaveAttribute("data-state", "error");
  }
  await expect(rowFor("drawing.svg")).toContainText(/SVG/i);
  await expect(rowFor("bomb-30000x30000.png")).toContainText(/pixel/i);
  await expect(rowFor("truncated.jpg")).toContainText(/truncated|corrupt/i);
  await screenshot(page, "project-upload-results");

  // Uploading the same file again is reported as a duplicate, not stored twice.
  await page.getByTestId("upload-input").setInputFiles([fixturePath("shape-640x480.png")]);
  await expect(rows.first()).toHaveAttribute("data-state", "duplicate", { timeout: 30_000 });

  // Thumbnails are made by the worker; the grid fills them in by itself (no reload) once ready.
  await expect(page.getByTestId("thumbnail")).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId("thumbnail-pending")).toHaveCount(0);
  await expect(page.getByTestId("count-todo")).toHaveText("2");
  await screenshot(page, "project-images");

  // Filters: a status with no images says so; the search narrows by file name; both live in the URL.
  await page.getByTestId("image-filter-accepted").click();
  await expect(page).toHaveURL(/status=accepted/);
  await expect(page.getByTestId("no-matching-images")).toBeVisible();
  await page.getByTestId("image-filter-todo").click();
  await expect(page.getByTestId("image-card")).toHaveCount(2);
  await page.getByRole("searchbox", { name: "Search file names" }).fill("800X600");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=todo&q=800X600/);
  await expect(page.getByTestId("image-card")).toHaveCount(1);
  await expect(page.getByTestId("image-card")).toContainText("shape-800x600.jpg");
  await expect(page.getByTestId("image-range")).toHaveText("Showing 1–1 of 1");
  await screenshot(page, "project-images-filtered");
  // A status tile opens the same filtered view.
  await page.getByTestId("count-todo").click();
  await expect(page).toHaveURL(/tab=images&status=todo$/);
  await expect(page.getByTestId("image-card")).toHaveCount(2);
  // The order is part of the view too: names Z–A, then back to import order (the default stays out of the URL).
  await page.getByTestId("image-sort-name_desc").click();
  await expect(page).toHaveURL(/status=todo&sort=name_desc/);
  await expect(page.getByTestId("image-card").first()).toContainText("shape-800x600.jpg");
  await expect(page.getByTestId("image-card").first().getByRole("link")).toHaveAttribute("href", /sort=name_desc/);
  await page.getByTestId("image-sort-oldest").click();
  await expect(page).toHaveURL(/tab=images&status=todo$/);
  // The two files were uploaded in parallel: which one the server stored first is a race, so
  // compare with the import order the API reports rather than with the order they were picked.
  const imported = ((await (await page.request.get(`${new URL(page.url()).pathname.replace("/projects/", "/api/projects/")}/images?page=1&pageSize=10`)).json()) as { items: { fileName: string }[] }).items;
  await expect(page.getByTestId("image-card").first()).toContainText(imported[0]!.fileName);

  // A card opens its image in the editor.
  const firstCard = page.getByTestId("image-card").first();
  const fileName = (await firstCard.getByRole("link").getAttribute("title"))?.replace(/^Open | in the editor$/g, "");
  await firstCard.getByRole("link").click();
  // Opened from the "To do" view, the editor walks that view and "back" returns to it.
  await expect(page).toHaveURL(/\/projects\/[^/]+\/annotate\/[^/?]+\?status=todo$/);
  expect(fileName).toBeTruthy();
  await expect(page.getByTestId("image-name")).toContainText(fileName!, { timeout: 15_000 });
  await expect(page.getByTestId("image-name")).toContainText("1/2");
  // The project's instructions sit in the editor's panel, folded until opened.
  await expect(page.getByTestId("editor")).toHaveAttribute("data-ready", "true", { timeout: 120_000 });
  const instructions = page.getByTestId("project-instructions");
  await instructions.locator("summary").click();
  await expect(instructions).toContainText("Leave out reflections in windows.");
  await instructions.locator("summary").click();
  // The active class (the first, person) shows its description.
  await expect(page.getByTestId("active-label-description")).toHaveText("person: Anyone on foot; riders go with their bike.");
  // L focuses the label search; Enter picks the best match and hands the keys back to the editor.
  await page.keyboard.press("l");
  await expect(page.getByTestId("label-search")).toBeFocused();
  await page.keyboard.type("ND 07");
  await expect(page.getByTestId("label-option")).toHaveCount(1);
  await screenshot(page, "editor-label-search");
  await page.keyboard.press("Enter");
  await expect(page.locator('[data-testid="label-option"][data-active="true"]')).toHaveText(/^kind 07/);
  await expect(page.getByTestId("label-option")).toHaveCount(11);
  await expect(page.getByTestId("label-search")).not.toBeFocused();
  await page.getByRole("link", { name: /E2E street scenes/ }).click();
  await expect(page).toHaveURL(/\?tab=images&status=todo$/);
  await expect(page.getByTestId("image-filter-todo")).toHaveAttribute("aria-current", "true");

  // A wrong upload is deleted from its card after a confirmation; the counts follow.
  const doomed = page.getByTestId("image-card").filter({ hasText: "shape-800x600.jpg" });
  await doomed.hover();
  await doomed.getByTestId("delete-image").click();
  await expect(doomed.getByRole("alertdialog")).toContainText("Delete shape-800x600.jpg?");
  await screenshot(page, "project-image-delete");
  await doomed.getByTestId("confirm-delete-image").click();
  await expect(page.getByTestId("image-card")).toHaveCount(1);
  await expect(page.getByTestId("image-card")).not.toContainText("shape-800x600.jpg");
  await expect(page.getByTestId("count-todo")).toHaveText("1", { timeout: 15_000 });

  // The Activity tab tells the story so far, newest first; a kind narrows it.
  await page.getByRole("link", { name: "Activity", exact: true }).click();
  const entries = page.getByTestId("activity-entry");
  await expect(entries.first()).toHaveAttribute("data-action", "image.delete");
  await expect(entries.first()).toContainText("Max Manager deleted the image shape-800x600.jpg (0 masks)");
  await expect(page.getByTestId("activity-log")).toContainText("renamed the label class “car” to “vehicle”");
  await expect(page.getByTestId("activity-log")).toContainText("deleted the label class “vehicle”");
  await page.getByTestId("activity-kind-setup").click();
  await expect(page).toHaveURL(/tab=activity&kind=setup/);
  await expect(page.locator('[data-testid="activity-entry"][data-action^="image."]')).toHaveCount(0);
  await expect(page.locator('[data-testid="activity-entry"][data-action="member.set"]')).toHaveCount(1);
  // The ten classes added in a row read as one line that opens into its parts.
  const run = page.locator('[data-testid="activity-run"][data-action="label.create"]');
  await expect(run).toHaveAttribute("data-count", "10");
  await expect(run.locator("summary")).toContainText("Max Manager added 10 label classes");
  await run.locator("summary").click();
  await expect(run.getByTestId("activity-entry").first()).toBeVisible();
  await screenshot(page, "project-activity");

  // Label classes copied from the demo project, names and colours; a second copy has nothing new.
  await page.getByRole("link", { name: "Label classes" }).click();
  await page.getByTestId("bulk-labels").locator("summary").click();
  const copyForm = page.getByRole("form", { name: "Copy label classes" });
  await copyForm.getByLabel(/Copy names, colours and order from/).selectOption({ label: "Demo: shapes and scenes" });
  await copyForm.getByRole("button", { name: "Copy label classes" }).click();
  // Earlier specs may have added classes to the demo project: at least its own two arrive, in its order.
  await expect(copyForm.getByRole("status")).toHaveText(/^Added \d+ label classes\.$/);
  const copiedNames = await page.getByTestId("label-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-label")));
  expect(copiedNames.slice(0, 11)).toEqual(["person", ...Array.from({ length: 10 }, (_, n) => `kind ${String(n + 1).padStart(2, "0")}`)]);
  expect(copiedNames.slice(11, 13)).toEqual(["object", "ground"]);
  await screenshot(page, "project-labels-bulk");
  // The form resets after an action: without a choice it says so; chosen again, there is nothing new.
  await copyForm.getByRole("button", { name: "Copy label classes" }).click();
  await expect(copyForm.getByTestId("form-error")).toHaveText("Choose the project to copy from");
  await copyForm.getByLabel(/Copy names, colours and order from/).selectOption({ label: "Demo: shapes and scenes" });
  await copyForm.getByRole("button", { name: "Copy label classes" }).click();
  await expect(copyForm.getByRole("status")).toContainText("Nothing new to add; already here: object, ground");

  // A zip of images: the deleted one comes back, the one still here is a duplicate, a broken file is named.
  await page.getByRole("link", { name: "Images", exact: true }).click();
  const zip = await makeZip([
    { name: "day-2/shape-800x600.jpg", bytes: readFileSync(fixturePath("shape-800x600.jpg")) },
    { name: "day-2/shape-640x480.png", bytes: readFileSync(fixturePath("shape-640x480.png")) },
    { name: "day-2/broken.png", bytes: Buffer.from("not a picture") },
  ]);
  await page.getByTestId("upload-input").setInputFiles({ name: "day-2.zip", mimeType: "application/zip", buffer: zip });
  const summary = page.getByTestId("upload-row").first().getByTestId("archive-summary");
  await expect(summary).toContainText("1 imported, 1 already in project, 1 failed", { timeout: 30_000 });
  await summary.locator("summary").click();
  await expect(summary).toContainText("broken.png:");
  await screenshot(page, "project-images-zip-upload");
  await expect(page.getByTestId("count-todo")).toHaveText("2", { timeout: 15_000 });

  // Merging a class into another: its masks would move there, and the class is gone.
  await page.getByRole("link", { name: "Label classes" }).click();
  await page.getByRole("button", { name: "Merge object into another class" }).click();
  const mergeForm = page.getByRole("form", { name: "Merge object" });
  await mergeForm.getByRole("button", { name: "Merge" }).click();
  await expect(page.locator('[data-testid="label-row"][data-label="object"]').getByTestId("form-error")).toHaveText("Choose the class to merge into.");
  await mergeForm.getByLabel("Merge “object” into").selectOption({ label: "ground" });
  await screenshot(page, "project-labels-merge");
  await mergeForm.getByRole("button", { name: "Merge" }).click();
  await expect(page.locator('[data-testid="label-row"][data-label="object"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="label-row"][data-label="ground"]')).toHaveCount(1);
});
