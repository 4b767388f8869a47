// Attribute edits in the editor's pure core: one undo step, cleared by a
// relabel, saved through the same diff as every other change.
import { describe, expect, it } from "vitest";
import { objectPayload } from "./annotation-codec";
import { relabelOps, setAttributesOps } from "./commands";
import { applyOps, invertOps } from "./ops";
import { pendingChanges, serverCopyOf } from "./sync-diff";
import { discMask, testObject } from "./test-helpers";
import type { EditorDocument } from "./types";

const doc = (attributes?: Record<string, boolean | string | number>): EditorDocument => ({
  width: 10,
  height: 10,
  objects: [testObject({ id: "a", labelClassId: "car", mask: discMask(10, 10, 5, 5, 2), attributes })],
});

describe("attribute edits", () => {
  it("set values as one undoable op, and nothing when unchanged", () => {
    const start = doc({ occluded: false });
    const ops = setAttributesOps(start, "a", { occluded: true, colour: "red" })!;
    const after = applyOps(start, ops);
    expect(after.objects[0]!.attributes).toEqual({ occluded: true, colour: "red" });
    expect(applyOps(after, invertOps(ops)).objects[0]!.attributes).toEqual({ occluded: false });
    expect(setAttributesOps(after, "a", { colour: "red", occluded: true })).toBeNull();
  });

  it("are cleared by a relabel (undo brings them back) and saved as a change", () => {
    const start = doc({ occluded: true });
    const ops = relabelOps(start, "a", "truck")!;
    const relabelled = applyOps(start, ops);
    expect(relabelled.objects[0]!.attributes).toEqual({});
    expect(applyOps(relabelled, invertOps(ops)).objects[0]!.attributes).toEqual({ occluded: true });

    const saved = new Map([["a", serverCopyOf(start.objects[0]!, 3)]]);
    expect(pendingChanges(start, saved)).toEqual([]);
    const edited = applyOps(start, setAttributesOps(start, "a", { occluded: false })!);
    expect(pendingChanges(edited, saved)).toMatchObject([{ kind: "update", baseVersion: 3 }]);
    expect(objectPayload(edited.objects[0]!).attributes).toEqual({ occluded: false });
  });
});
