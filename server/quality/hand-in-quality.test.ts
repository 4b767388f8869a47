// Annotation quality from review on real Postgres: a hand-in keeps the masks
// as they were handed in, the acceptance scores every hand-in of its round
// against the accepted masks, and the analytics and the image history report it.
import { describe, expect, it } from "vitest";
import { createMask, encodeMaskToRle, rleArea, rleBbox, type BinaryMask } from "@/lib/mask";
import { handInQualitySchema } from "@/lib/schemas/hand-in-quality";
import { db } from "../db/client";
import { claimNextTask } from "../tasks/claim-next-task";
import { submitTask } from "../tasks/submit-task";
import { batchEverything, createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { acceptReview } from "../reviews/accept-review";
import { rejectReview } from "../reviews/reject-review";
import { getImageHistory } from "../reviews/get-image-history";
import { getProjectAnalytics } from "../analytics/get-project-analytics";
import { countMyWork } from "../tasks/count-my-work";
import { describeResubmission } from "./describe-resubmission";
import { streamHandInQuality } from "../analytics/stream-hand-in-quality";
import { listProjectImages } from "../images/list-project-images";
import { listImageIdsInOrder } from "../images/list-image-ids-in-order";

const WIDTH = 640;
const HEIGHT = 480;

function rect(x0: number, y0: number, x1: number, y1: number): BinaryMask {
  const mask = createMask(WIDTH, HEIGHT);
  for (let y = y0; y < y1; y++) mask.data.fill(1, y * WIDTH + x0, y * WIDTH + x1);
  return mask;
}

function maskFields(mask: BinaryMask) {
  const rle = encodeMaskToRle(mask);
  return { rleCounts: rle.counts, maskHeight: HEIGHT, maskWidth: WIDTH, bbox: rleBbox(rle), area: rleArea(rle) };
}

async function draw(options: { projectId: string; imageId: string; authorId: string; labelClassId: string | null; mask: BinaryMask }): Promise<string> {
  const row = await db().annotation.create({ data: { projectId: options.projectId, imageId: options.imageId, authorId: options.authorId, labelClassId: options.labelClassId, ...maskFields(options.mask) } });
  return row.id;
}

async function setup() {
  const [a, b] = await createFastUsers("annotator", 2, "quality-annotator");
  const [reviewer] = await createFastUsers("reviewer", 1, "quality-reviewer");
  const [manager] = await createFastUsers("annotator", 1, "quality-manager");
  const { project, imageIds } = await createQueueProject({
    members: [
      { actor: a!, role: "annotator" },
      { actor: b!, role: "annotator" },
      { actor: reviewer!, role: "reviewer" },
      { actor: manager!, role: "manager" },
    ],
    images: 2,
  });
  await batchEverything({ projectId: project.id });
  const [car, person] = await Promise.all(
    ["car", "person"].map((name, position) => db().labelClass.create({ data: { projectId: project.id, name, color: position === 0 ? "#ff0000" : "#00ff00", position } })),
  );
  return { a: a!, b: b!, reviewer: reviewer!, manager: manager!, projectId: project.id, imageIds, car: car!.id, person: person!.id };
}

describe("annotation quality from review", () => {
  it("scores each hand-in of a round against the accepted masks", async () => {
    const { a, b, reviewer, manager, projectId, car, person } = await setup();

    // Annotator a: two cars and a stray mask; misses the person.
    const workA = (await claimNextTask({ actor: a, projectId, prefetch: false })).task!;
    const carOne = await draw({ projectId, imageId: workA.imageId, authorId: a.id, labelClassId: car, mask: rect(10, 10, 110, 60) });
    await draw({ projectId, imageId: workA.imageId, authorId: a.id, labelClassId: car, mask: rect(200, 200, 260, 300) });
    const stray = await draw({ projectId, imageId: workA.imageId, authorId: a.id, labelClassId: person, mask: rect(500, 400, 520, 420) });
    await submitTask({ actor: a, taskId: workA.id });
    const [firstHandIn] = await db().handIn.findMany({ where: { imageId: workA.imageId } });
    expect(firstHandIn).toMatchObject({ annotatorId: a.id, taskId: workA.id, scoredAt: null, quality: null });
    expect(firstHandIn!.masks).toHaveLength(3);

    const reviewA = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
    expect(reviewA.imageId).toBe(workA.imageId);
    await rejectReview({ actor: reviewer, taskId: reviewA.id, comments: [{ comment: "The person is missing" }] });
    // Still unscored: a rejection is not the reference.
    expect((await db().handIn.findFirstOrThrow({ where: { id: firstHandIn!.id } })).scoredAt).toBeNull();

    // a adds the person and hands in again.
    const fix = (await claimNextTask({ actor: a, projectId, prefetch: false })).task!;
    expect(fix.id).toBe(workA.id);
    // Before the fix is handed in, nothing to compare it with.
    expect(await describeResubmission({ imageId: workA.imageId })).toBeNull();
    const personId = await draw({ projectId, imageId: workA.imageId, authorId: a.id, labelClassId: person, mask: rect(300, 50, 400, 250) });
    await db().annotation.update({ where: { id: stray }, data: { labelClassId: car } });
    await submitTask({ actor: a, taskId: workA.id });
    // The reviewer sees what changed since the hand-in they sent back: the person added, the stray relabelled.
    expect(await describeResubmission({ imageId: workA.imageId })).toMatchObject({ added: 1, changed: 1, removed: 0, unchanged: 2, statusById: { [personId]: "new", [stray]: "changed" } });

    // The reviewer grows the first car (5000 -> 5500 px, IoU 0.909), deletes the stray and accepts.
    const again = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
    await db().annotation.update({ where: { id: carOne }, data: { ...maskFields(rect(10, 10, 120, 60)), version: { increment: 1 } } });
    await db().annotation.update({ where: { id: stray }, data: { deletedAt: new Date() } });
    await acceptReview({ actor: reviewer, taskId: again.id });

    expect(await describeResubmission({ imageId: workA.imageId })).toBeNull();
    const handIns = await db().handIn.findMany({ where: { imageId: workA.imageId }, orderBy: { createdAt: "asc" } });
    expect(handIns).toHaveLength(2);
    const [first, second] = handIns.map((row) => handInQualitySchema.parse(row.quality));
    expect(handIns.every((row) => row.reviewerId === reviewer.id && row.scoredAt !== null)).toBe(true);
    // Scored hand-ins no longer hold their masks.
    expect(handIns.map((row) => row.masks)).toEqual([[], []]);
    // The first hand-in: 2 of the 3 accepted masks found, the stray removed, the person missing.
    expect(first).toMatchObject({ handedIn: 3, accepted: 3, matched: 2, unchanged: 1, relabelled: 0, missed: 1, extra: 1, firstOfRound: true });
    expect(first!.iouSum).toBeCloseTo(1 + 5000 / 5500, 5);
    expect(first!.labels).toEqual({ [car]: { accepted: 2, found: 2, extra: 0 }, [person]: { accepted: 1, found: 0, extra: 1 } });
    // The second: everything found; the reviewer's changes are the grown car and the stray.
    expect(second).toMatchObject({ handedIn: 4, accepted: 3, matched: 3, unchanged: 2, missed: 0, extra: 1, firstOfRound: false });

    // Annotator b's image goes through untouched.
    const workB = (await claimNextTask({ actor: b, projectId, prefetch: false })).task!;
    await draw({ projectId, imageId: workB.imageId, authorId: b.id, labelClassId: car, mask: rect(0, 0, 50, 50) });
    await submitTask({ actor: b, taskId: workB.id });
    const reviewB = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
    await acceptReview({ actor: reviewer, taskId: reviewB.id });

    const { quality } = await getProjectAnalytics({ actor: manager, projectId, days: 30 });
    expect(quality.handIns).toBe(2);
    expect(quality.resubmitted).toBe(1);
    const rowA = quality.annotators.find((row) => row.userId === a.id);
    expect(rowA).toMatchObject({ handIns: 1, acceptedAsHandedIn: 0, recall: 0.667, precision: 0.667, labelAgreement: 1 });
    expect(rowA!.meanIou).toBeCloseTo((1 + 5000 / 5500) / 2, 3);
    expect(quality.annotators.find((row) => row.userId === b.id)).toMatchObject({ handIns: 1, acceptedAsHandedIn: 1, recall: 1, precision: 1, meanIou: 1 });
    // The reviewer accepted two images: one sent back first and corrected before accepting, one as handed in.
    expect(quality.reviewers).toEqual([{ userId: reviewer.id, name: reviewer.name, accepted: 2, sentBackFirst: 1, changedBeforeAccepting: 1 }]);
    expect(quality.labels.map((label) => [label.name, label.accepted, label.found, label.extra])).toEqual([
      ["car", 3, 3, 0],
      ["person", 1, 0, 1],
    ]);

    // Each annotator sees their own figures under their queue, and only theirs.
    expect((await countMyWork({ actor: a, projectId })).quality).toMatchObject({ userId: a.id, handIns: 1, acceptedAsHandedIn: 0, recall: 0.667 });
    expect((await countMyWork({ actor: b, projectId })).quality).toMatchObject({ userId: b.id, handIns: 1, acceptedAsHandedIn: 1 });
    expect((await countMyWork({ actor: reviewer, projectId })).quality).toBeNull();

    // The per-hand-in CSV (paged one row at a time here): a header and the three scored hand-ins.
    const lines: string[] = [];
    for await (const line of await streamHandInQuality({ actor: manager, projectId, pageSize: 1 })) lines.push(line.trimEnd());
    expect(lines).toHaveLength(4);
    const header = lines[0]!.split(",");
    const cells = lines.slice(1).map((line) => Object.fromEntries(line.split(",").map((value, index) => [header[index], value])));
    const firstOfA = cells.find((cell) => cell.annotator === a.name && cell.first_hand_in === "true")!;
    expect(firstOfA).toMatchObject({ reviewer: reviewer.name, handed_in_masks: "3", accepted_masks: "3", matched: "2", missed: "1", extra: "1", accepted_as_handed_in: "false" });
    expect(Number(firstOfA.mean_iou)).toBeCloseTo((1 + 5000 / 5500) / 2, 3);
    expect(cells.filter((cell) => cell.accepted_as_handed_in === "true").map((cell) => cell.annotator)).toEqual([b.name]);
    await expect(streamHandInQuality({ actor: a, projectId })).rejects.toMatchObject({ code: "forbidden" });

    // The Images tab (and the editor's walk) narrow to what review changed, or left as it was.
    expect((await listProjectImages({ actor: manager, projectId, review: "changed" })).items.map((item) => item.id)).toEqual([workA.imageId]);
    expect((await listProjectImages({ actor: manager, projectId, review: "as_is" })).items.map((item) => item.id)).toEqual([workB.imageId]);
    expect(await listImageIdsInOrder({ projectId, filters: { review: "changed" } })).toEqual([workA.imageId]);

    // The image's history carries each hand-in's comparison.
    const history = await getImageHistory({ actor: a, imageId: workA.imageId });
    const submits = history.entries.filter((entry) => entry.action === "task.submit");
    expect(submits.map((entry) => entry.handIn?.quality?.firstOfRound)).toEqual([true, false]);
    expect(submits[0]!.handIn!.quality).toMatchObject({ missed: 1, extra: 1 });
  });

  it("only managers see the quality figures", async () => {
    const { a, projectId } = await setup();
    await expect(getProjectAnalytics({ actor: a, projectId, days: 30 })).rejects.toMatchObject({ code: "forbidden" });
  });
});
