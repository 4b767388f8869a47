import { describe, expect, it } from "vitest";
import { countForeground, createMask, maskFromRows, maskToRows, paintDisc } from "@/lib/mask";
import { cleanUpMask, cleanUpThreshold } from "./clean-up-mask";
import { cleanUpOps } from "./commands";
import { EditorStore } from "./editor-store";
import { pendingChanges, serverCopyOf } from "./sync-diff";
import { idSequence, testObject } from "./test-helpers";

/** A 60x60 disc of radius 20 (~1250 px: threshold 16 px) with a 3x3 pinhole, a 2x2 speck and a 6x6 square apart. */
function speckledDisc() {
  const mask = createMask(60, 60);
  paintDisc(mask, 25, 25, 20, 1);
  const set = (x0: number, y0: number, size: number, value: 0 | 1) => {
    for (let y = y0; y < y0 + size; y++) for (let x = x0; x < x0 + size; x++) mask.data[y * 60 + x] = value;
  };
  set(24, 24, 3, 0); // pinhole: 9 px
  set(52, 4, 2, 1); // speck: 4 px
  set(50, 50, 6, 1); // a real second part: 36 px
  return mask;
}

describe("cleanUpMask", () => {
  it("fills holes and removes specks under 1% of the object (at least 16 px), keeping larger parts", () => {
    const mask = speckledDisc();
    const area = countForeground(mask);
    const result = cleanUpMask(mask)!;
    expect(result.thresholdPx).toBe(cleanUpThreshold(area));
    expect(result.thresholdPx).toBeGreaterThanOrEqual(16);
    expect(result).toMatchObject({ filledPx: 9, removedPx: 4 });
    expect(countForeground(result.mask)).toBe(area + 9 - 4);
    expect(result.mask.data[25 * 60 + 25]).toBe(1); // the pinhole is filled
    expect(result.mask.data[4 * 60 + 52]).toBe(0); // the speck is gone
    expect(result.mask.data[52 * 60 + 52]).toBe(1); // the 6x6 part stays
  });

  it("keeps a hole larger than the threshold and says when there is nothing to do", () => {
    const ring = maskFromRows(["#######", "#.....#", "#.....#", "#.....#", "#.....#", "#.....#", "#######"]);
    // 24 px of ring, a 25 px hole: above the 16 px floor, so it stays a ring.
    expect(cleanUpMask(ring)).toBeNull();
    expect(cleanUpMask(createMask(5, 5))).toBeNull();
  });

  it("keeps the largest part when every part is a speck by the measure", () => {
    const dots = maskFromRows(["#.#.#", ".....", "##..#", "##...", "....."]);
    const result = cleanUpMask(dots)!;
    expect(maskToRows(result.mask)).toEqual(["00000", "00000", "11000", "11000", "00000"]);
    expect(result).toMatchObject({ removedPx: 4, filledPx: 0 });
  });
});

describe("cleanUpOps", () => {
  it("edits a manual object in place as one undo step, recording the tool", () => {
    const object = testObject({ id: "m", labelClassId: "cat", version: 2, mask: speckledDisc() });
    const store = new EditorStore({ width: 60, height: 60, objects: [object], activeLabelId: "cat" });
    const cleaned = cleanUpOps({ doc: store.getState().doc, id: "m", labelClassId: "cat", newId: idSequence() })!;
    store.edit(cleaned.ops, { label: "Clean up mask" });
    const after = store.getState().doc.objects[0]!;
    expect(after.id).toBe("m");
    expect(after.telemetry.toolsUsed).toEqual(["cleanup"]);
    expect(after.telemetry.clicks).toBe(1);
    expect(countForeground(after.mask)).toBe(countForeground(object.mask) + 5);
    expect(pendingChanges(store.getState().doc, new Map([["m", serverCopyOf(object, 2)]])).map((change) => change.kind)).toEqual(["update"]);
    store.undo();
    expect(maskToRows(store.getState().doc.objects[0]!.mask)).toEqual(maskToRows(object.mask));
    expect(cleanUpOps({ doc: store.getState().doc, id: "nope", labelClassId: null, newId: idSequence() })).toBeNull();
  });

  it("turns a pre-fill into a correction linked to it", () => {
    const prefill = testObject({ id: "p", source: "prefill", version: 1, mask: speckledDisc() });
    const store = new EditorStore({ width: 60, height: 60, objects: [prefill], activeLabelId: "dog" });
    const cleaned = cleanUpOps({ doc: store.getState().doc, id: "p", labelClassId: "dog", newId: idSequence("fix") })!;
    store.edit(cleaned.ops, { label: "Clean up mask" });
    const objects = store.getState().doc.objects;
    expect(objects.map((o) => o.id)).toEqual(["fix-0001"]);
    expect(objects[0]).toMatchObject({ source: "manual", originId: "p", labelClassId: "dog" });
    expect(cleaned.objectId).toBe("fix-0001");
  });
});
