import { describe, expect, it } from "vitest";
import { countForeground, maskFromRows, maskToRows } from "@/lib/mask";
import { splitObjectOps } from "./commands";
import { EditorStore } from "./editor-store";
import { splitMaskParts } from "./split-object";
import { pendingChanges, serverCopyOf } from "./sync-diff";
import { idSequence, testObject } from "./test-helpers";

// Two 4x4 blocks (16 px each, 8-connected parts) and a one-pixel speck: 33 px, threshold 16.
const TWO_BLOCKS = [
  "####.....",
  "####.....",
  "####..#..",
  "####.....",
  ".........",
  ".....####",
  ".....####",
  ".....####",
  ".....####",
];

describe("splitMaskParts", () => {
  it("gives one mask per part, largest first, specks kept with the largest", () => {
    const parts = splitMaskParts(maskFromRows(TWO_BLOCKS))!;
    expect(parts).toHaveLength(2);
    expect(parts.map(countForeground)).toEqual([17, 16]);
    expect(parts[0]!.data[2 * 9 + 6]).toBe(1); // the speck rides with the first (largest, earliest) part
    expect(maskToRows(parts[1]!).slice(5)).toEqual(["000001111", "000001111", "000001111", "000001111"]);
  });

  it("does nothing to one part, or to a part with only specks beside it, and joins diagonal neighbours", () => {
    expect(splitMaskParts(maskFromRows(["##..", "##.#"]))).toBeNull(); // 5 px: the lone pixel is a speck
    expect(splitMaskParts(maskFromRows(["#...", ".#..", "..#."]))).toBeNull(); // one 8-connected part
  });
});

describe("splitObjectOps", () => {
  it("keeps the largest part as the object and adds the others with its label and attributes, one undo step", () => {
    const object = testObject({ id: "m", labelClassId: "shoe", attributes: { side: "left" }, version: 3, mask: maskFromRows(TWO_BLOCKS) });
    const store = new EditorStore({ width: 9, height: 9, objects: [object], activeLabelId: "shoe" });
    const split = splitObjectOps({ doc: store.getState().doc, id: "m", labelClassId: "shoe", newId: idSequence("part") })!;
    store.edit(split.ops, { label: "Split into parts" });
    const objects = store.getState().doc.objects;
    expect(objects.map((o) => o.id)).toEqual(["m", "part-0001"]);
    expect(objects[1]).toMatchObject({ labelClassId: "shoe", attributes: { side: "left" }, source: "manual", originId: null, version: 0 });
    expect(objects[1]!.telemetry.toolsUsed).toEqual(["split"]);
    expect(objects[0]!.telemetry.toolsUsed).toEqual(["split"]);
    expect(countForeground(objects[0]!.mask) + countForeground(objects[1]!.mask)).toBe(countForeground(object.mask));
    expect(pendingChanges(store.getState().doc, new Map([["m", serverCopyOf(object, 3)]])).map((change) => change.kind).sort()).toEqual(["create", "update"]);
    expect(store.getState().history.undo).toHaveLength(1);
    store.undo();
    expect(store.getState().doc.objects.map((o) => o.id)).toEqual(["m"]);
    expect(maskToRows(store.getState().doc.objects[0]!.mask)).toEqual(maskToRows(object.mask));
  });

  it("turns a pre-fill into corrections linked to it, one per part", () => {
    const prefill = testObject({ id: "p", source: "prefill", version: 1, mask: maskFromRows(TWO_BLOCKS) });
    const store = new EditorStore({ width: 9, height: 9, objects: [prefill], activeLabelId: "shoe" });
    const split = splitObjectOps({ doc: store.getState().doc, id: "p", labelClassId: "shoe", newId: idSequence("fix") })!;
    store.edit(split.ops, { label: "Split into parts" });
    expect(store.getState().doc.objects.map((o) => [o.id, o.source, o.originId, o.labelClassId])).toEqual([
      ["fix-0001", "manual", "p", "shoe"],
      ["fix-0002", "manual", "p", "shoe"],
    ]);
    expect(splitObjectOps({ doc: store.getState().doc, id: "fix-0002", labelClassId: null, newId: idSequence() })).toBeNull();
  });
});
