// Sorting the Images tab (and the editor's walk) by live mask count: deleted
// masks do not count, ties keep import order, filters and pages still apply.
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { listImageIdsInOrder } from "./list-image-ids-in-order";
import { listProjectImages } from "./list-project-images";

async function masks(projectId: string, imageId: string, live: number, deleted = 0) {
  for (let k = 0; k < live + deleted; k += 1) {
    await db().annotation.create({ data: { projectId, imageId, rleCounts: "0 1", maskHeight: 1, maskWidth: 1, bbox: [0, 0, 1, 1], area: 1, deletedAt: k >= live ? new Date() : null } });
  }
}

describe("sort by mask count", () => {
  it("orders by live masks, keeps ties in import order, and pages and filters as before", async () => {
    const [manager] = await createFastUsers("manager", 1, "sort-manager");
    const { project, imageIds } = await createQueueProject({ members: [{ actor: manager!, role: "manager" }], images: 4 });
    const [a, b, c, d] = imageIds as [string, string, string, string];
    await masks(project.id, a, 1);
    await masks(project.id, b, 0, 3);
    await masks(project.id, c, 2);
    await masks(project.id, d, 1, 1);
    expect(await listImageIdsInOrder({ projectId: project.id, filters: { sort: "masks_desc" } })).toEqual([c, a, d, b]);
    expect(await listImageIdsInOrder({ projectId: project.id, filters: { sort: "masks_asc" } })).toEqual([b, a, d, c]);

    const first = await listProjectImages({ actor: manager!, projectId: project.id, sort: "masks_desc", pageSize: 3 });
    expect(first.items.map((item) => [item.id, item.maskCount])).toEqual([
      [c, 2],
      [a, 1],
      [d, 1],
    ]);
    expect(first).toMatchObject({ total: 4, pageCount: 2 });
    const second = await listProjectImages({ actor: manager!, projectId: project.id, sort: "masks_desc", pageSize: 3, page: 2 });
    expect(second.items.map((item) => item.id)).toEqual([b]);
    const named = await listProjectImages({ actor: manager!, projectId: project.id, sort: "masks_asc", q: "00003" });
    expect(named.items.map((item) => item.id)).toEqual([d]);
  });
});
