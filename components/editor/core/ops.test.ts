import { describe, expect, it } from "vitest";
import { countForeground, masksEqual } from "@/lib/mask";
import { createDocument } from "./document";
import { applyOp, applyOps, invertOp, invertOps, OpConflictError, squashOps, updateOp, type Op } from "./ops";
import { discMask, testObject } from "./test-helpers";

const doc0 = createDocument({ width: 20, height: 20, objects: [testObject({ id: "a", order: 1 }), testObject({ id: "b", order: 2 })] });

describe("ops and inverses", () => {
  it.each<[string, Op]>([
    ["add", { type: "add", object: testObject({ id: "c", order: 3 }) }],
    ["remove", { type: "remove", object: doc0.objects[0]! }],
    ["update mask", updateOp(doc0.objects[1]!, { mask: discMask(20, 20, 5, 5, 4) })],
    ["relabel", updateOp(doc0.objects[0]!, { labelClassId: "label-1" })],
    ["reorder", updateOp(doc0.objects[0]!, { order: 5 })],
    ["hide", updateOp(doc0.objects[0]!, { hidden: true })],
  ])("%s followed by its inverse restores the document", (_name, op) => {
    const changed = applyOp(doc0, op);
    expect(changed).not.toEqual(doc0);
    expect(applyOp(changed, invertOp(op))).toEqual(doc0);
  });

  it("keeps objects sorted by order (reorder moves the object)", () => {
    const moved = applyOp(doc0, updateOp(doc0.objects[0]!, { order: 5 }));
    expect(moved.objects.map((o) => o.id)).toEqual(["b", "a"]);
  });

  it("inverts a sequence in reverse order", () => {
    const ops: Op[] = [
      { type: "add", object: testObject({ id: "c", order: 3 }) },
      updateOp(testObject({ id: "c", order: 3 }), { labelClassId: "x" }),
    ];
    expect(applyOps(applyOps(doc0, ops), invertOps(ops))).toEqual(doc0);
  });

  it("refuses ops whose object is not in the state they expect", () => {
    expect(() => applyOp(doc0, { type: "add", object: doc0.objects[0]! })).toThrow(OpConflictError);
    expect(() => applyOp(doc0, { type: "remove", object: testObject({ id: "zz" }) })).toThrow(OpConflictError);
    expect(() => applyOp(doc0, { type: "update", id: "zz", before: {}, after: { hidden: true } })).toThrow(OpConflictError);
  });

  it("re-adds an object with the version the caller knows (sync owns versions)", () => {
    const removed = applyOp(doc0, { type: "remove", object: doc0.objects[0]! });
    const readded = applyOp(removed, { type: "add", object: doc0.objects[0]! }, (id) => (id === "a" ? 7 : undefined));
    expect(readded.objects.find((o) => o.id === "a")?.version).toBe(7);
  });
});

describe("squashOps", () => {
  it("merges consecutive updates of one object: earliest before, latest after", () => {
    const a = doc0.objects[0]!;
    const m1 = discMask(20, 20, 10, 10, 4);
    const m2 = discMask(20, 20, 10, 10, 5);
    const m3 = discMask(20, 20, 10, 10, 6);
    const ops: Op[] = [
      { type: "update", id: "a", before: { mask: a.mask }, after: { mask: m1 } },
      { type: "update", id: "a", before: { mask: m1 }, after: { mask: m2, labelClassId: "l" } },
      { type: "update", id: "a", before: { mask: m2, labelClassId: null }, after: { mask: m3 } },
    ];
    const squashed = squashOps(ops);
    expect(squashed).toHaveLength(1);
    expect(squashed[0]).toEqual({ type: "update", id: "a", before: { mask: a.mask, labelClassId: null }, after: { mask: m3, labelClassId: "l" } });
    // Same final state, and one inverse undoes all of it.
    expect(applyOps(doc0, squashed)).toEqual(applyOps(doc0, ops));
    expect(masksEqual(applyOps(applyOps(doc0, squashed), invertOps(squashed)).objects[0]!.mask, a.mask)).toBe(true);
  });

  it("folds updates into a preceding add, and an add followed by its remove into nothing", () => {
    const c = testObject({ id: "c", order: 3 });
    const big = discMask(20, 20, 10, 10, 8);
    const squashed = squashOps([{ type: "add", object: c }, { type: "update", id: "c", before: { mask: c.mask }, after: { mask: big } }]);
    expect(squashed).toEqual([{ type: "add", object: { ...c, mask: big } }]);
    expect(countForeground((squashed[0] as { object: { mask: typeof big } }).object.mask)).toBe(countForeground(big));
    expect(squashOps([{ type: "add", object: c }, { type: "remove", object: c }])).toEqual([]);
  });

  it("does not merge updates of different objects", () => {
    const ops: Op[] = [updateOp(doc0.objects[0]!, { hidden: true }), updateOp(doc0.objects[1]!, { hidden: true })];
    expect(squashOps(ops)).toHaveLength(2);
  });
});
