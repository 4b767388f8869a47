import { describe, expect, it } from "vitest";
import { countForeground } from "@/lib/mask";
import { commitDraftOps, deleteObjectOps, strokeOps } from "./commands";
import { polygonDraft } from "./draft";
import { EditorStore } from "./editor-store";
import { acceptPrefillOps, isPendingPrefill, pendingPrefills } from "./prefill";
import { pendingChanges, serverCopyOf, type ServerCopy } from "./sync-diff";
import { discMask, idSequence, testObject } from "./test-helpers";
import type { EditorObject } from "./types";

const telemetry = { secondsSpent: 0, clicks: 0, toolsUsed: [], modelId: "sam-test", predictedIou: 0.93, stabilityScore: 0.97 };

function prefill(id: string, cx: number, order: number): EditorObject {
  return testObject({ id, source: "prefill", labelClassId: null, version: 1, order, mask: discMask(40, 40, cx, 20, 4), telemetry, proposalScore: 0.8 });
}

function setup() {
  const manual = testObject({ id: "m", labelClassId: "cat", version: 1, order: 4, mask: discMask(40, 40, 20, 5, 3) });
  const objects = [prefill("p1", 6, 1), prefill("p2", 18, 2), prefill("p3", 30, 3), manual];
  const store = new EditorStore({ width: 40, height: 40, objects, activeLabelId: "cat" });
  const baseline = new Map<string, ServerCopy>(objects.map((o) => [o.id, serverCopyOf(o, o.version)]));
  return { store, baseline };
}

describe("pre-filled masks in the editor core", () => {
  it("pending = source prefill without a label; accept-all labels every pending one in one undo step", () => {
    const { store, baseline } = setup();
    expect(pendingPrefills(store.getState().doc).map((o) => o.id)).toEqual(["p1", "p2", "p3"]);
    const ops = acceptPrefillOps(store.getState().doc, "cat");
    expect(ops).toHaveLength(3);
    store.edit(ops, { label: "Accept" });
    expect(pendingPrefills(store.getState().doc)).toEqual([]);
    // Saved as label updates of the same rows (still source prefill on the server: "kept").
    const changes = pendingChanges(store.getState().doc, baseline);
    expect(changes.map((c) => [c.kind, c.kind === "delete" ? c.id : c.object.id, c.kind === "delete" ? null : c.object.source])).toEqual([
      ["update", "p1", "prefill"],
      ["update", "p2", "prefill"],
      ["update", "p3", "prefill"],
    ]);
    store.undo();
    expect(pendingPrefills(store.getState().doc)).toHaveLength(3);
    expect(pendingChanges(store.getState().doc, baseline)).toEqual([]);
  });

  it("accepts only the given ids, and nothing without a label class", () => {
    const { store } = setup();
    const doc = store.getState().doc;
    expect(acceptPrefillOps(doc, null)).toBeNull();
    expect(acceptPrefillOps(doc, "cat", ["p2"])?.map((op) => (op.type === "update" ? op.id : ""))).toEqual(["p2"]);
    expect(acceptPrefillOps(doc, "cat", ["m"])).toBeNull();
  });

  it("a brush stroke on a pre-fill creates a correction linked to it and removes the pre-fill; undo restores it", () => {
    const { store, baseline } = setup();
    const newId = idSequence("fix");
    let target: string | null = "p2";
    // Three pieces of one stroke, as the controller records them.
    for (const [i, [x0, x1]] of [[18, 20], [20, 22], [22, 24]].entries()) {
      const result = strokeOps({ doc: store.getState().doc, targetId: target, from: { x: x0!, y: 20 }, to: { x: x1!, y: 20 }, radius: 2, value: 1, labelClassId: "dog", seconds: 0.5, firstPiece: i === 0, newId });
      target = result!.objectId;
      store.edit(result!.ops, { label: "Brush stroke", mergeKey: "stroke-1", select: result!.objectId });
    }
    store.sealStep();
    const doc = store.getState().doc;
    const fix = doc.objects.find((o) => o.id === "fix-0001")!;
    expect(doc.objects.some((o) => o.id === "p2")).toBe(false);
    expect(fix).toMatchObject({ source: "manual", originId: "p2", labelClassId: "dog", order: 2, version: 0 });
    expect(fix.telemetry).toMatchObject({ clicks: 1, toolsUsed: ["brush"], secondsSpent: 1.5, modelId: "sam-test" });
    expect(countForeground(fix.mask)).toBeGreaterThan(countForeground(prefill("p2", 18, 2).mask));
    expect(store.getState().history.undo).toHaveLength(1);
    // Saved as: create the correction (with its origin), delete the pre-fill.
    const changes = pendingChanges(doc, baseline);
    expect(changes.map((c) => (c.kind === "delete" ? `delete ${c.id}` : `${c.kind} ${c.object.id} origin=${c.object.originId}`))).toEqual([
      "create fix-0001 origin=p2",
      "delete p2",
    ]);

    store.undo();
    expect(store.getState().doc.objects.map((o) => o.id)).toEqual(["p1", "p2", "p3", "m"]);
    expect(pendingChanges(store.getState().doc, baseline)).toEqual([]);
    store.redo();
    expect(store.getState().doc.objects.find((o) => o.id === "fix-0001")?.originId).toBe("p2");
  });

  it("adding to or cutting from a selected pre-fill is a correction too; an accepted pre-fill keeps its label", () => {
    const { store } = setup();
    store.edit(acceptPrefillOps(store.getState().doc, "cow", ["p3"]), { label: "Accept" });
    const draft = polygonDraft({ draft: null, vertices: [{ x: 28, y: 14 }, { x: 36, y: 14 }, { x: 36, y: 18 }], closed: true, addedVertex: false, now: 0 });
    const result = commitDraftOps({ doc: store.getState().doc, draft, mask: discMask(40, 40, 33, 17, 2), mode: "merge", selectedId: "p3", labelClassId: "cat", now: 1000, newId: () => "fix-p3" });
    store.edit(result!.ops, { label: "Add part", select: result!.objectId });
    const fix = store.getState().doc.objects.find((o) => o.id === "fix-p3")!;
    expect(fix).toMatchObject({ originId: "p3", source: "manual", labelClassId: "cow" });
    expect(store.getState().selectedId).toBe("fix-p3");
    expect(store.getState().doc.objects.some((o) => o.id === "p3")).toBe(false);
  });

  it("deleting a pre-fill is a plain delete; a manual object is still edited in place", () => {
    const { store, baseline } = setup();
    store.edit(deleteObjectOps(store.getState().doc, "p1"), { label: "Delete" });
    const result = strokeOps({ doc: store.getState().doc, targetId: "m", from: { x: 20, y: 5 }, to: { x: 22, y: 5 }, radius: 2, value: 1, labelClassId: "cat", seconds: 0.2, firstPiece: true, newId: () => "never" });
    expect(result?.objectId).toBe("m");
    store.edit(result!.ops, { label: "Brush" });
    expect(pendingChanges(store.getState().doc, baseline).map((c) => `${c.kind} ${c.kind === "delete" ? c.id : c.object.id}`)).toEqual(["update m", "delete p1"]);
  });

  it("hiding the pre-fill layer deselects a selected pending pre-fill", () => {
    const { store } = setup();
    store.select("p1");
    store.setPrefillLayerVisible(false);
    expect(store.getState().selectedId).toBeNull();
    store.select("m");
    store.setPrefillLayerVisible(true);
    store.setPrefillLayerVisible(false);
    expect(store.getState().selectedId).toBe("m");
    expect(isPendingPrefill(store.getState().doc.objects.find((o) => o.id === "m")!)).toBe(false);
  });
});
