// The editor's "what comes next" guess on real Postgres: claim order, no lock,
// the current image left out, other people's assignments never shown.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { claimNextTask } from "./claim-next-task";
import { peekNextTaskImages } from "./peek-next-task-images";
import { submitTask } from "./submit-task";
import { createFastUsers, createQueueProject } from "./testing/queue-fixtures";

afterAll(async () => {
  await stopQueue();
});

describe("peekNextTaskImages", () => {
  it("lists the next images in the order the claim hands them out, without claiming", async () => {
    const [a, b] = await createFastUsers("annotator", 2);
    const { project, imageIds } = await createQueueProject({ members: [{ actor: a!, role: "annotator" }, { actor: b!, role: "annotator" }], images: 5 });
    const batch = await db().batch.create({ data: { projectId: project.id, name: "pool", priority: 0 } });
    const task = (index: number) => ({ projectId: project.id, imageId: imageIds[index]!, stage: "annotate" as const });
    for (const index of [0, 1, 2, 3]) await db().task.updateMany({ where: task(index), data: { batchId: batch.id } });
    await db().task.updateMany({ where: task(2), data: { assigneeId: a!.id } });
    await db().task.updateMany({ where: task(3), data: { assigneeId: b!.id } }); // b's: never shown to a
    // image 4 is unbatched: not queued.

    const peeked = await peekNextTaskImages({ projectId: project.id, actorId: a!.id, count: 5 });
    expect(peeked).toEqual([imageIds[2], imageIds[0], imageIds[1]]);
    expect(await db().task.count({ where: { projectId: project.id, status: "in_progress" } })).toBe(0);

    // The claim agrees with the guess; the image being worked on is left out.
    const claimed = await claimNextTask({ actor: a!, projectId: project.id, prefetch: false });
    expect(claimed.task?.imageId).toBe(peeked[0]);
    expect(await peekNextTaskImages({ projectId: project.id, actorId: a!.id, excludeImageId: claimed.task!.imageId })).toEqual([imageIds[0], imageIds[1]]);
    await submitTask({ actor: a!, taskId: claimed.task!.id });
    expect(await peekNextTaskImages({ projectId: project.id, actorId: a!.id, count: 1 })).toEqual([imageIds[0]]);
  });
});
