// The project page's due-batches notice on real Postgres: managers see batches
// due today, tomorrow or late with open images, soonest first; finished,
// undated and later ones are left out, and other roles see none.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { closeTestDb } from "../testing/close-test-db";
import { createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { listDueBatches } from "./list-due-batches";

afterAll(async () => {
  await closeTestDb();
});

const NOW = new Date("2031-05-20T10:00:00Z");
const day = (offset: number) => new Date(Date.UTC(2031, 4, 20 + offset));

describe("listDueBatches", () => {
  it("lists the batches due soon or late that still have open images", async () => {
    const [manager] = await createFastUsers("manager", 1);
    const [annotator] = await createFastUsers("annotator", 1);
    const { project, imageIds } = await createQueueProject({ members: [{ actor: manager!, role: "manager" }, { actor: annotator!, role: "annotator" }], images: 6 });
    const projectId = project.id;
    const cut = async (name: string, dueOn: Date | null, ids: string[]) => {
      const batch = await db().batch.create({ data: { projectId, name, dueOn } });
      await db().task.updateMany({ where: { imageId: { in: ids }, stage: "annotate" }, data: { batchId: batch.id } });
      return batch.id;
    };
    await cut("tomorrow", day(1), imageIds.slice(0, 1));
    await cut("late", day(-3), imageIds.slice(1, 3));
    await cut("later", day(2), imageIds.slice(3, 4));
    await cut("undated", null, imageIds.slice(4, 5));
    const done = await cut("late but done", day(-1), imageIds.slice(5, 6));
    await db().task.updateMany({ where: { batchId: done }, data: { status: "accepted" } });

    expect(await listDueBatches({ actor: manager!, projectId, now: NOW })).toEqual([
      { id: expect.any(String), name: "late", dueOn: "2031-05-17", open: 2 },
      { id: expect.any(String), name: "tomorrow", dueOn: "2031-05-21", open: 1 },
    ]);
    expect(await listDueBatches({ actor: annotator!, projectId, now: NOW })).toEqual([]);
  });
});
