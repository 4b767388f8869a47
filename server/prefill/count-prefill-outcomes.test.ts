// The pre-fill outcome rules on hand-made rows, including what the editor
// tests do not reach: a correction of a correction (the middle one deleted),
// a correction that was itself deleted, manual masks drawn before the
// pre-fill, and narrowing to some images.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import type { AnnotationSource } from "../db/generated/client";
import { closeTestDb } from "../testing/close-test-db";
import { createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { countPrefillOutcomes } from "./count-prefill-outcomes";

afterAll(async () => {
  await closeTestDb();
});

const minute = (n: number) => new Date(Date.UTC(2026, 5, 1, 12, n));

describe("countPrefillOutcomes", () => {
  it("follows corrections through any depth, and counts manual masks drawn after the pre-fill only", async () => {
    const [annotator] = await createFastUsers("annotator", 1, "outcomes");
    const { project, imageIds } = await createQueueProject({ members: [{ actor: annotator!, role: "annotator" }], images: 2 });
    const [first, second] = imageIds as [string, string];
    const label = await db().labelClass.create({ data: { projectId: project.id, name: "thing", color: "#ff0000" } });
    const mask = async (imageId: string, source: AnnotationSource, extra: { labelClassId?: string; originId?: string; deleted?: boolean; at: number; toolsUsed?: string[]; secondsSpent?: number }) =>
      (
        await db().annotation.create({
          data: {
            id: randomUUID(), projectId: project.id, imageId, source, rleCounts: "0", maskHeight: 4, maskWidth: 4, bbox: [0, 0, 1, 1], area: 1,
            labelClassId: extra.labelClassId ?? null, originId: extra.originId ?? null, deletedAt: extra.deleted ? minute(extra.at + 1) : null,
            createdAt: minute(extra.at), toolsUsed: extra.toolsUsed ?? [], secondsSpent: extra.secondsSpent ?? 0,
          },
        })
      ).id;

    await mask(first, "manual", { at: 0, secondsSpent: 99 }); // drawn before the pre-fill: not "added after"
    await mask(first, "prefill", { at: 1, labelClassId: label.id }); // kept (accepted with a label)
    await mask(first, "prefill", { at: 1 }); // pending
    const corrected = await mask(first, "prefill", { at: 1, deleted: true });
    const middle = await mask(first, "manual", { at: 2, originId: corrected, deleted: true });
    await mask(first, "manual", { at: 3, originId: middle }); // the live end of the chain: corrected
    const gone = await mask(first, "prefill", { at: 1, deleted: true });
    await mask(first, "manual", { at: 2, originId: gone, deleted: true }); // its correction deleted too: deleted
    await mask(first, "prefill", { at: 1, toolsUsed: ["brush"] }); // painted in place: corrected
    await mask(first, "manual", { at: 4, secondsSpent: 12 }); // added after
    await mask(first, "manual", { at: 5, secondsSpent: 30, deleted: true }); // deleted: not counted
    await mask(first, "import", { at: 5 }); // imported: not a manual mask
    await mask(second, "prefill", { at: 1 }); // unlabelled, but its image was handed in: kept
    await db().task.updateMany({ where: { imageId: second, stage: "annotate" }, data: { status: "submitted" } });

    const outcomes = await countPrefillOutcomes({ projectId: project.id });
    expect(outcomes.images).toEqual([
      { imageId: first, prefilled: 5, kept: 1, pending: 1, corrected: 2, deleted: 1, manualAdded: 1, manualSeconds: 12, secondsPerManualMask: 12 },
      { imageId: second, prefilled: 1, kept: 1, pending: 0, corrected: 0, deleted: 0, manualAdded: 0, manualSeconds: 0, secondsPerManualMask: null },
    ].sort((a, b) => a.imageId.localeCompare(b.imageId)));
    expect(outcomes.project).toEqual({ images: 2, prefilled: 6, kept: 2, pending: 1, corrected: 2, deleted: 1, manualAdded: 1, manualSeconds: 12, secondsPerManualMask: 12 });

    const narrowed = await countPrefillOutcomes({ projectId: project.id, imageIds: [second] });
    expect(narrowed.images.map((row) => row.imageId)).toEqual([second]);
    expect(narrowed.project).toMatchObject({ images: 1, prefilled: 1, kept: 1 });
    expect((await countPrefillOutcomes({ projectId: project.id, imageIds: [] })).project).toMatchObject({ images: 0, prefilled: 0 });
  });
});
