// Sending selected accepted images (back) to review on real Postgres: all or
// none, images not accepted named, other projects' images refused, managers only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { queue, stopQueue } from "../jobs/queue";
import { closeTestDb } from "../testing/close-test-db";
import { handInOneMask as handIn } from "../tasks/testing/hand-in-one-mask";
import { batchEverything, createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { requestReviews } from "./request-review";

beforeAll(async () => {
  await queue();
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

describe("requestReviews", () => {
  it("sends the selected accepted images to review, all or none", async () => {
    const [annotator] = await createFastUsers("annotator", 1);
    const [manager] = await createFastUsers("manager", 1);
    const { project } = await createQueueProject({ members: [{ actor: annotator!, role: "annotator" }, { actor: manager!, role: "manager" }], images: 4 });
    const other = await createQueueProject({ members: [{ actor: manager!, role: "manager" }], images: 1 });
    const projectId = project.id;
    await batchEverything({ projectId });
    // Everything after the first hand-in is accepted at once.
    await db().project.update({ where: { id: projectId }, data: { settings: { review: { percent: 0, firstHandIns: 1 } } } });
    const submitted = await handIn(annotator!, projectId);
    const accepted = [await handIn(annotator!, projectId), await handIn(annotator!, projectId)];
    const statuses = async () => (await db().task.findMany({ where: { projectId, stage: "annotate", imageId: { in: [submitted, ...accepted] } }, select: { imageId: true, status: true }, orderBy: { imageId: "asc" } })).map((row) => row.status);
    const before = await statuses();

    await expect(requestReviews({ actor: manager!, projectId, imageIds: [...accepted, submitted] })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/this one is not: img-\d+\.png \(submitted\)/) });
    await expect(requestReviews({ actor: manager!, projectId, imageIds: [accepted[0]!, other.imageIds[0]!] })).rejects.toMatchObject({ code: "not_found" });
    await expect(requestReviews({ actor: annotator!, projectId, imageIds: accepted })).rejects.toMatchObject({ code: "forbidden" });
    expect(await statuses()).toEqual(before);
    expect(await db().auditEvent.count({ where: { projectId, action: "review.request" } })).toBe(0);

    const { requested } = await requestReviews({ actor: manager!, projectId, imageIds: [...accepted, accepted[0]!] });
    expect(requested.map((entry) => entry.imageId).sort()).toEqual([...accepted].sort());
    expect(requested.every((entry) => entry.annotate.status === "submitted" && entry.review.status === "todo")).toBe(true);
    expect(await db().handIn.count({ where: { imageId: { in: accepted }, reviewSkipped: true } })).toBe(0);
    expect(await db().auditEvent.count({ where: { projectId, action: "review.request" } })).toBe(2);
  });
});
