// "Spot-check N" on real Postgres: draws only images accepted without review
// (of the named annotator's when given), never more than asked or than wait,
// refuses when none wait, and only managers may.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { queue, stopQueue } from "../jobs/queue";
import { closeTestDb } from "../testing/close-test-db";
import { handInOneMask as handIn } from "../tasks/testing/hand-in-one-mask";
import { batchEverything, createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { spotCheckImages } from "./spot-check-images";

beforeAll(async () => {
  await queue();
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

describe("spotCheckImages", () => {
  it("sends a random draw of the images accepted without review, of one annotator's when named", async () => {
    const [ann, bea, outsider] = await createFastUsers("annotator", 3);
    const [manager] = await createFastUsers("manager", 1);
    const { project } = await createQueueProject({
      members: [{ actor: ann!, role: "annotator" }, { actor: bea!, role: "annotator" }, { actor: manager!, role: "manager" }],
      images: 8,
    });
    const projectId = project.id;
    await batchEverything({ projectId });
    await expect(spotCheckImages({ actor: manager!, projectId, count: 2 })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("nothing to spot-check") });
    // Nothing is reviewed: every hand-in is accepted at once.
    await db().project.update({ where: { id: projectId }, data: { settings: { review: { percent: 0 } } } });
    const byAnn = [await handIn(ann!, projectId), await handIn(ann!, projectId), await handIn(ann!, projectId), await handIn(ann!, projectId)];
    const byBea = [await handIn(bea!, projectId), await handIn(bea!, projectId)];

    await expect(spotCheckImages({ actor: ann!, projectId, count: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(spotCheckImages({ actor: manager!, projectId, count: 1, annotatorId: outsider!.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await db().task.count({ where: { projectId, stage: "review" } })).toBe(0);

    const first = await spotCheckImages({ actor: manager!, projectId, count: 3, annotatorId: ann!.id });
    expect(first.available).toBe(4);
    expect(first.requested).toHaveLength(3);
    for (const entry of first.requested) expect(byAnn).toContain(entry.imageId);
    expect(new Set(first.requested.map((entry) => entry.imageId)).size).toBe(3);
    expect(first.requested.every((entry) => entry.annotate.status === "submitted" && entry.review.status === "todo")).toBe(true);

    // Asked for more than wait: what waits is sent (Ann's last one and Bea's two), and the draw never repeats a sent image.
    const rest = await spotCheckImages({ actor: manager!, projectId, count: 10 });
    expect(rest.available).toBe(3);
    const sent = [...first.requested, ...rest.requested].map((entry) => entry.imageId).sort();
    expect(sent).toEqual([...byAnn, ...byBea].sort());
    await expect(spotCheckImages({ actor: manager!, projectId, count: 1, annotatorId: bea!.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining(`from ${bea!.name}`) });
    expect(await db().task.count({ where: { projectId, stage: "review", status: "todo" } })).toBe(6);
  });
});
