// Small builders for the editor core's unit tests.
import { createMask, paintDisc, type BinaryMask } from "@/lib/mask";
import { EMPTY_TELEMETRY, type EditorObject } from "./types";

export function discMask(width: number, height: number, cx: number, cy: number, r: number): BinaryMask {
  const mask = createMask(width, height);
  paintDisc(mask, cx, cy, r, 1);
  return mask;
}

export function testObject(overrides: Partial<EditorObject> & { id: string }): EditorObject {
  return {
    labelClassId: null,
    mask: discMask(20, 20, 10, 10, 3),
    source: "manual",
    originId: null,
    version: 0,
    hidden: false,
    order: 1,
    telemetry: EMPTY_TELEMETRY,
    prompt: null,
    ...overrides,
  };
}

/** Deterministic ids: a, b, c, ... */
export function idSequence(prefix = "obj"): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, "0")}`;
}
