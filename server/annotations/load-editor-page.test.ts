import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { stopQueue } from "../jobs/queue";
import { createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { createProjectWithImages } from "../testing/fixtures/project-with-images";
import { loadEditorPage } from "./load-editor-page";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

let annotator: Actor;
let outsider: Actor;
let projectId: string;
let ids: string[] = [];

beforeAll(async () => {
  // Import order, with the annotate status each image is given.
  ({ annotator, projectId, ids } = await createProjectWithImages({
    files: [
      ["a-street.png", "rejected"],
      ["b-kitchen.png", "todo"],
      ["c-street.png", "rejected"],
      ["d-street.png", "accepted"],
    ],
    seed: 90,
  }));
  outsider = await createTestUser();
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

const neighbours = (page: Awaited<ReturnType<typeof loadEditorPage>>) => ({ previous: page.previousImageId, next: page.nextImageId, position: page.position });

describe("loadEditorPage neighbours", () => {
  it("walks the whole project in import order", async () => {
    const page = await loadEditorPage({ actor: annotator, projectId, imageId: ids[1]! });
    expect(neighbours(page)).toEqual({ previous: ids[0], next: ids[2], position: { index: 2, total: 4 } });
    // Opened from its card, not the queue: no lease, so view only, and the page says why.
    expect(page).toMatchObject({ canEdit: false, readOnlyReason: expect.stringContaining("Start labeling") });
  });

  it("walks only the filtered view it was opened from", async () => {
    const rejected = await loadEditorPage({ actor: annotator, projectId, imageId: ids[0]!, filters: { status: "rejected" } });
    expect(neighbours(rejected)).toEqual({ previous: null, next: ids[2], position: { index: 1, total: 2 } });
    const streets = await loadEditorPage({ actor: annotator, projectId, imageId: ids[3]!, filters: { q: "STREET" } });
    expect(neighbours(streets)).toEqual({ previous: ids[2], next: null, position: { index: 3, total: 3 } });
  });

  it("walks the view in its order: newest first, or by name, within the filter", async () => {
    const newest = await loadEditorPage({ actor: annotator, projectId, imageId: ids[1]!, filters: { sort: "newest" } });
    expect(neighbours(newest)).toEqual({ previous: ids[2], next: ids[0], position: { index: 3, total: 4 } });
    const streetsZtoA = await loadEditorPage({ actor: annotator, projectId, imageId: ids[2]!, filters: { q: "street", sort: "name_desc" } });
    expect(neighbours(streetsZtoA)).toEqual({ previous: ids[3], next: ids[0], position: { index: 2, total: 3 } });
  });

  it("offers no neighbours for an image outside the filter, instead of jumping elsewhere", async () => {
    const page = await loadEditorPage({ actor: annotator, projectId, imageId: ids[1]!, filters: { status: "rejected" } });
    expect(page.image.id).toBe(ids[1]);
    expect(neighbours(page)).toEqual({ previous: null, next: null, position: { index: 0, total: 2 } });
  });

  it("answers not_found to non-members", async () => {
    await expect(loadEditorPage({ actor: outsider, projectId, imageId: ids[0]! })).rejects.toMatchObject({ code: "not_found" });
  });
});
