// Worker job events land in the live-event outbox with the rooms that watch
// them: an embedding is per (model, image content), so every project image
// with that content under that model hears about it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { publishEmbeddingChanged } from "./publish-job-events";

async function outboxRows(imageIds: string[]) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const rows = await db().realtimeEvent.findMany({ where: { event: "embedding:changed" }, orderBy: { id: "asc" } });
    const mine = rows.filter((row) => imageIds.includes((row.payload as { imageId: string }).imageId));
    if (mine.length >= 2) return mine;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("no outbox rows");
}

describe("worker job events", () => {
  it("embedding:changed goes to the project and image rooms of every image with that content and model", async () => {
    const [manager] = await createFastUsers("manager", 1);
    const first = await createQueueProject({ members: [{ actor: manager!, role: "manager" }], images: 1 });
    const second = await createQueueProject({ members: [{ actor: manager!, role: "manager" }], images: 1 });
    const other = await createQueueProject({ members: [{ actor: manager!, role: "manager" }], images: 1 });
    await db().project.update({ where: { id: other.project.id }, data: { modelId: "another-model" } });
    const sha256 = randomUUID().replace(/-/g, "").padEnd(64, "a");
    const ids = [first.imageIds[0]!, second.imageIds[0]!, other.imageIds[0]!];
    await db().image.updateMany({ where: { id: { in: ids } }, data: { sha256 } });

    await publishEmbeddingChanged({ modelId: "minisam", imageSha256: sha256, status: "failed", error: "out of memory" });
    const rows = await outboxRows(ids);
    expect(rows.map((row) => row.rooms).sort()).toEqual(
      [
        [`project:${first.project.id}`, `image:${ids[0]}`],
        [`project:${second.project.id}`, `image:${ids[1]}`],
      ].sort(),
    );
    expect(rows[0]!.payload).toMatchObject({ modelId: "minisam", status: "failed", error: "out of memory" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await db().realtimeEvent.findMany({ where: { event: "embedding:changed" } })).some((row) => (row.payload as { imageId: string }).imageId === ids[2])).toBe(false);
  });
});
