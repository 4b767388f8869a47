// The count and box a stroke piece remembers are the ones a pass over the
// whole mask gives, for brush and eraser, at the picture's edges, and when
// an eraser empties the object.
import { describe, expect, it } from "vitest";
import { countForeground, maskBbox } from "@/lib/mask";
import { strokeOps } from "./commands";
import { foregroundBbox, foregroundCount } from "./mask-facts";
import { EditorStore } from "./editor-store";
import { discMask, testObject } from "./test-helpers";

/** A deterministic walk of pointer positions, some off the picture. */
function walk(seed: number, length: number, width: number, height: number): { x: number; y: number }[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length }, () => ({ x: next() * (width + 20) - 10, y: next() * (height + 20) - 10 }));
}

describe("stroke facts", () => {
  it("match a full pass after every brush and eraser piece", () => {
    for (const seed of [1, 2, 3]) {
      const store = new EditorStore({ width: 60, height: 40, objects: [testObject({ id: "a", mask: discMask(60, 40, 30, 20, 8), version: 1 })] });
      let target: string | null = seed === 3 ? null : "a";
      const points = walk(seed, 40, 60, 40);
      for (let i = 1; i < points.length; i++) {
        const value = (i % 5 === 0 ? 0 : 1) as 0 | 1;
        const result = strokeOps({ doc: store.getState().doc, targetId: target, from: points[i - 1]!, to: points[i]!, radius: 1 + (i % 4), value, labelClassId: null, seconds: 0.01, firstPiece: i === 1, newId: () => `new-${seed}` });
        if (!result) continue;
        target = result.objectId;
        store.edit(result.ops, { label: "Stroke", mergeKey: `s${seed}`, select: target });
        const mask = store.getState().doc.objects.find((o) => o.id === target)!.mask;
        expect(foregroundCount(mask)).toBe(countForeground(mask));
        expect(foregroundBbox(mask)).toEqual(maskBbox(mask));
      }
    }
  });

  it("an eraser that removes the whole object leaves an empty box", () => {
    const store = new EditorStore({ width: 30, height: 20, objects: [testObject({ id: "a", mask: discMask(30, 20, 10, 10, 2), version: 1 })] });
    const result = strokeOps({ doc: store.getState().doc, targetId: "a", from: { x: 8, y: 10 }, to: { x: 12, y: 10 }, radius: 6, value: 0, labelClassId: null, seconds: 0, firstPiece: true, newId: () => "x" });
    store.edit(result!.ops, { label: "Erase", mergeKey: "e" });
    const mask = store.getState().doc.objects[0]!.mask;
    expect([foregroundCount(mask), foregroundBbox(mask)]).toEqual([0, [0, 0, 0, 0]]);
    expect(countForeground(mask)).toBe(0);
  });
});
