import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import { countMyWork } from "./count-my-work";
import { listTeamWork } from "./list-team-work";
import { closeTestDb } from "../testing/close-test-db";

afterAll(async () => {
  await closeTestDb();
});

let imageSeq = 0;
async function image(projectId: string) {
  imageSeq += 1;
  return db().image.create({
    data: { projectId, sha256: `my-work-${projectId}-${imageSeq}`, fileName: `${imageSeq}.png`, mime: "image/png", byteSize: 1, width: 4, height: 4, storageKey: "k" },
  });
}

describe("countMyWork", () => {
  it("counts only this person's images, drawn masks and review decisions in this project", async () => {
    const me = await createTestUser("annotator");
    const colleague = await createTestUser("annotator");
    const project = await createTestProject({ members: [{ actor: me, role: "annotator" }, { actor: colleague, role: "reviewer" }] });
    const elsewhere = await createTestProject({ members: [{ actor: me, role: "annotator" }] });
    const mine = [] as { id: string }[];
    for (const [status, annotator] of [["submitted", me], ["accepted", me], ["accepted", me], ["rejected", me], ["accepted", colleague]] as const) {
      const img = await image(project.id);
      const task = await db().task.create({ data: { projectId: project.id, imageId: img.id, stage: "annotate", status, lastAnnotatorId: annotator.id } });
      if (annotator === me) mine.push(task);
    }
    const otherImage = await image(elsewhere.id);
    await db().task.create({ data: { projectId: elsewhere.id, imageId: otherImage.id, stage: "annotate", status: "accepted", lastAnnotatorId: me.id } });

    const img = await image(project.id);
    const mask = { projectId: project.id, imageId: img.id, rleCounts: "16", maskHeight: 4, maskWidth: 4, bbox: [0, 0, 4, 4], area: 16 };
    await db().annotation.createMany({
      data: [
        { ...mask, authorId: me.id, source: "manual", clicks: 1, secondsSpent: 4 },
        { ...mask, authorId: me.id, source: "manual", clicks: 3, secondsSpent: 10 },
        { ...mask, authorId: me.id, source: "manual", clicks: 2, secondsSpent: 6 },
        { ...mask, authorId: me.id, source: "manual", clicks: 9, secondsSpent: 99, deletedAt: new Date() }, // deleted
        { ...mask, authorId: me.id, source: "prefill" }, // accepted pre-fill, not drawn
        { ...mask, authorId: colleague.id, source: "manual", clicks: 5, secondsSpent: 50 },
      ],
    });

    // The colleague reviewed: one rejection with two comments, then an acceptance.
    const rejectedAt = new Date();
    await db().review.createMany({
      data: [
        { taskId: mine[0]!.id, reviewerId: colleague.id, verdict: "reject", comment: "a", createdAt: rejectedAt },
        { taskId: mine[0]!.id, reviewerId: colleague.id, verdict: "reject", comment: "b", createdAt: rejectedAt },
        { taskId: mine[1]!.id, reviewerId: colleague.id, verdict: "accept" },
      ],
    });

    expect(await countMyWork({ actor: me, projectId: project.id })).toEqual({
      images: { awaitingReview: 1, accepted: 2 },
      masks: { count: 3, medianSeconds: 6, meanClicks: 2 },
      reviews: { accepted: 0, rejected: 0 },
      // Statuses set directly, no hand-in made: nothing to compare yet.
      quality: null,
    });
    expect((await countMyWork({ actor: colleague, projectId: project.id })).reviews).toEqual({ accepted: 1, rejected: 1 });
    expect((await countMyWork({ actor: colleague, projectId: project.id })).masks).toEqual({ count: 1, medianSeconds: 50, meanClicks: 5 });
  });

  it("says nothing was drawn yet, and keeps non-members out", async () => {
    const me = await createTestUser("annotator");
    const outsider = await createTestUser("annotator");
    const project = await createTestProject({ members: [{ actor: me, role: "annotator" }] });
    expect((await countMyWork({ actor: me, projectId: project.id })).masks).toEqual({ count: 0, medianSeconds: null, meanClicks: null });
    await expect(countMyWork({ actor: outsider, projectId: project.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives the project's managers every member's tallies, the same as each sees for themselves, and nobody else", async () => {
    const manager = await createTestUser("manager");
    const annotator = await createTestUser("annotator");
    const project = await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] });
    const img = await image(project.id);
    await db().task.create({ data: { projectId: project.id, imageId: img.id, stage: "annotate", status: "submitted", lastAnnotatorId: annotator.id } });
    await db().annotation.create({
      data: { projectId: project.id, imageId: img.id, rleCounts: "16", maskHeight: 4, maskWidth: 4, bbox: [0, 0, 4, 4], area: 16, authorId: annotator.id, source: "manual", clicks: 2, secondsSpent: 7.25 },
    });
    const team = await listTeamWork({ actor: manager, projectId: project.id });
    expect(team.map((row) => [row.name, row.role])).toEqual([[manager.name, "manager"], [annotator.name, "annotator"]]);
    const annotatorRow = team.find((row) => row.userId === annotator.id)!;
    expect(annotatorRow).toMatchObject({ images: { awaitingReview: 1, accepted: 0 }, masks: { count: 1, medianSeconds: 7.3, meanClicks: 2 } });
    const { userId: _userId, name: _name, role: _role, ...work } = annotatorRow;
    expect(await countMyWork({ actor: annotator, projectId: project.id })).toEqual({ ...work, quality: null });
    await expect(listTeamWork({ actor: annotator, projectId: project.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
