import { afterAll, describe, expect, it } from "vitest";
import { db, type TaskStatus } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import { getProjectAnalytics } from "./get-project-analytics";
import { closeTestDb } from "../testing/close-test-db";

afterAll(async () => {
  await closeTestDb();
});

const HOUR = 3600_000;
const NOW = new Date("2026-12-07T12:00:00.000Z");
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * HOUR);

let seq = 0;
async function handedInImage(projectId: string, status: TaskStatus, submittedAt: Date | null) {
  seq += 1;
  const image = await db().image.create({
    data: { projectId, sha256: `analytics-${projectId}-${seq}`, fileName: `${seq}.png`, mime: "image/png", byteSize: 1, width: 4, height: 4, storageKey: "k" },
  });
  await db().task.create({ data: { projectId, imageId: image.id, stage: "annotate", status, submittedAt } });
  const review = await db().task.create({ data: { projectId, imageId: image.id, stage: "review", status: status === "accepted" ? "accepted" : "todo" } });
  return { imageId: image.id, reviewTaskId: review.id };
}

async function setUp() {
  const manager = await createTestUser("annotator");
  const annotator = await createTestUser("annotator");
  const project = await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] });
  const cat = await db().labelClass.create({ data: { projectId: project.id, name: "cat", color: "#ff0000", position: 0 } });
  await db().labelClass.create({ data: { projectId: project.id, name: "unused", color: "#00ff00", position: 1 } });
  const mask = { projectId: project.id, rleCounts: "16", maskHeight: 4, maskWidth: 4, bbox: [0, 0, 4, 4], authorId: annotator.id };

  // Assisted-manual, accepted after one rejection (two comments, one decision).
  const manualImage = await handedInImage(project.id, "accepted", at(30));
  // Semi-automatic (pre-filled), waiting for review, handed in today.
  const semiImage = await handedInImage(project.id, "submitted", at(1));
  // Assisted-manual, accepted at the first review.
  const firstPass = await handedInImage(project.id, "accepted", at(50));
  // Still being drawn: not handed in, so no stage counts it.
  const open = await handedInImage(project.id, "in_progress", null);

  await db().annotation.createMany({
    data: [
      { ...mask, imageId: manualImage.imageId, labelClassId: cat.id, area: 10, clicks: 2, secondsSpent: 4, toolsUsed: ["smart_click"], createdAt: at(31) },
      { ...mask, imageId: manualImage.imageId, labelClassId: cat.id, area: 20, clicks: 4, secondsSpent: 10, toolsUsed: ["smart_click", "brush"], createdAt: at(31) },
      { ...mask, imageId: manualImage.imageId, area: 5, clicks: 9, secondsSpent: 6, toolsUsed: ["polygon"], deletedAt: at(30), createdAt: at(31) },
      { ...mask, imageId: firstPass.imageId, labelClassId: cat.id, area: 30, clicks: 1, secondsSpent: 2, toolsUsed: ["box"], createdAt: at(51) },
      { ...mask, imageId: firstPass.imageId, source: "import", labelClassId: cat.id, area: 90, createdAt: at(60) },
      { ...mask, imageId: semiImage.imageId, source: "prefill", authorId: null, area: 40 },
      { ...mask, imageId: semiImage.imageId, source: "prefill", authorId: null, labelClassId: cat.id, area: 50 },
      { ...mask, imageId: semiImage.imageId, source: "prefill", authorId: null, area: 60, deletedAt: at(2) },
      { ...mask, imageId: semiImage.imageId, labelClassId: cat.id, area: 70, clicks: 3, secondsSpent: 8, toolsUsed: ["brush"], createdAt: at(2) },
      { ...mask, imageId: open.imageId, labelClassId: cat.id, area: 80, clicks: 7, secondsSpent: 70, toolsUsed: ["brush"], createdAt: at(2) },
    ],
  });
  const rejectedAt = at(40);
  await db().review.createMany({
    data: [
      { taskId: manualImage.reviewTaskId, reviewerId: manager.id, verdict: "reject", comment: "a", createdAt: rejectedAt },
      { taskId: manualImage.reviewTaskId, reviewerId: manager.id, verdict: "reject", comment: "b", createdAt: rejectedAt },
      { taskId: manualImage.reviewTaskId, reviewerId: manager.id, verdict: "accept", createdAt: at(28) },
      { taskId: firstPass.reviewTaskId, reviewerId: manager.id, verdict: "accept", createdAt: at(46) },
    ],
  });
  return { manager, annotator, project, cat };
}

describe("getProjectAnalytics", () => {
  it("splits handed-in images into the two stages and reports masks, seconds and clicks per stage", async () => {
    const { manager, project } = await setUp();
    const analytics = await getProjectAnalytics({ actor: manager, projectId: project.id, days: 7, now: NOW });
    expect(analytics.stages).toEqual([
      {
        stage: "assisted_manual",
        images: 2,
        masksPerImage: 2, // 4 live masks on 2 images, one imported
        manualPerImage: 1.5,
        prefilledPerImage: 0,
        importedPerImage: 0.5, // the imported mask on the first-pass image
        medianSecondsPerManualMask: 4, // 2, 4, 10
        meanClicksPerManualMask: 2.3, // (2 + 4 + 1) / 3
        drawingSecondsPerImage: 11, // (4 + 10 + 6 deleted + 2) / 2
      },
      {
        stage: "semi_automatic",
        images: 1,
        masksPerImage: 3, // 2 live pre-fills + 1 drawn
        manualPerImage: 1,
        prefilledPerImage: 2,
        importedPerImage: 0,
        medianSecondsPerManualMask: 8,
        meanClicksPerManualMask: 3,
        drawingSecondsPerImage: 8,
      },
    ]);
  });

  it("counts work per UTC day, every day present, and the review stage", async () => {
    const { manager, project } = await setUp();
    const analytics = await getProjectAnalytics({ actor: manager, projectId: project.id, days: 7, now: NOW });
    expect(analytics.daily.map((d) => d.day)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07"]);
    const day = (d: string) => analytics.daily.find((entry) => entry.day === d)!;
    // Today (12:00 UTC): the semi image handed in at 11:00, two masks drawn at 10:00 (one on the open image).
    expect(day("2026-12-07")).toEqual({ day: "2026-12-07", imagesHandedIn: 1, masksDrawn: 2, reviewDecisions: 0 });
    // Yesterday: the manual image handed in (06:00) and accepted (08:00), its two live masks drawn at 05:00.
    expect(day("2026-12-06")).toEqual({ day: "2026-12-06", imagesHandedIn: 1, masksDrawn: 2, reviewDecisions: 1 });
    // 5 Dec: the rejection at 20:00 (one decision however many comments), the first-pass image (10:00, accepted 14:00).
    expect(day("2026-12-05")).toEqual({ day: "2026-12-05", imagesHandedIn: 1, masksDrawn: 1, reviewDecisions: 2 });
    expect(analytics.daily.slice(0, 4).every((d) => d.imagesHandedIn + d.masksDrawn + d.reviewDecisions === 0)).toBe(true);

    // Accepted 2 (one first time), one rejection, one waiting; hours to accept: 2 and 4 -> median 3.
    expect(analytics.review).toEqual({ accepted: 2, acceptedFirstPass: 1, acceptedWithoutReview: 0, rejections: 1, awaitingReview: 1, medianHoursToAccept: 3 });
  });

  it("lists label classes in order with live masks (unused ones too, unlabelled last) and tools by use", async () => {
    const { manager, project, cat } = await setUp();
    const analytics = await getProjectAnalytics({ actor: manager, projectId: project.id, days: 30, now: NOW });
    expect(analytics.daily).toHaveLength(30);
    expect(analytics.labels).toEqual([
      // 10, 20, 30, 50, 70, 80 and the imported 90 -> median 50; on 4 images.
      { labelClassId: cat.id, name: "cat", color: "#ff0000", masks: 7, images: 4, medianArea: 50 },
      { labelClassId: expect.any(String), name: "unused", color: "#00ff00", masks: 0, images: 0, medianArea: null },
      { labelClassId: null, name: "No label", color: null, masks: 1, images: 1, medianArea: 40 },
    ]);
    expect(analytics.tools).toEqual([
      { tool: "brush", masks: 3, medianSeconds: 10, meanClicks: 4.7 }, // 10 s/4, 8 s/3, 70 s/7
      { tool: "smart_click", masks: 2, medianSeconds: 7, meanClicks: 3 },
      { tool: "box", masks: 1, medianSeconds: 2, meanClicks: 1 },
    ]);
  });

  it("answers managers and admins only, and an empty project with empty figures", async () => {
    const { annotator, project } = await setUp();
    await expect(getProjectAnalytics({ actor: annotator, projectId: project.id, days: 7 })).rejects.toMatchObject({ code: "forbidden" });
    const stranger = await createTestUser("annotator");
    await expect(getProjectAnalytics({ actor: stranger, projectId: project.id, days: 7 })).rejects.toMatchObject({ code: "not_found" });
    const admin = await createTestUser("admin");
    const empty = await createTestProject();
    const analytics = await getProjectAnalytics({ actor: admin, projectId: empty.id, days: 7, now: NOW });
    expect(analytics.stages.map((s) => [s.stage, s.images, s.masksPerImage, s.medianSecondsPerManualMask])).toEqual([
      ["assisted_manual", 0, null, null],
      ["semi_automatic", 0, null, null],
    ]);
    expect(analytics.labels).toEqual([]);
    expect(analytics.tools).toEqual([]);
    expect(analytics.review).toEqual({ accepted: 0, acceptedFirstPass: 0, acceptedWithoutReview: 0, rejections: 0, awaitingReview: 0, medianHoursToAccept: null });
  });
});
