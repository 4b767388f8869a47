import { describe, expect, it } from "vitest";
import { cloneMask, createMask, decodeRleToMask, maskArea, maskBbox, masksEqual, rleArea, rleBbox } from "@/lib/mask";
import { annotationDto } from "@/lib/schemas/annotations";
import { objectFromDto, objectFromPayload, objectPayload } from "./annotation-codec";
import { createDocument } from "./document";
import { updateOp, applyOp } from "./ops";
import { pendingChanges, serverCopyOf, type ServerCopy } from "./sync-diff";
import { discMask, testObject } from "./test-helpers";

function baselineOf(objects: ReturnType<typeof testObject>[]): Map<string, ServerCopy> {
  return new Map(objects.map((o) => [o.id, serverCopyOf(o, o.version)]));
}

describe("pendingChanges", () => {
  const a = testObject({ id: "a", version: 3, order: 1 });
  const b = testObject({ id: "b", version: 1, order: 2 });
  const doc = createDocument({ width: 20, height: 20, objects: [a, b] });

  it("is empty when the document equals the server's copies (hidden is view state)", () => {
    expect(pendingChanges(doc, baselineOf([a, b]))).toEqual([]);
    expect(pendingChanges(applyOp(doc, updateOp(a, { hidden: true })), baselineOf([a, b]))).toEqual([]);
    // Same pixels in a new buffer (undo back to the saved state) need no save either.
    expect(pendingChanges(applyOp(doc, updateOp(a, { mask: cloneMask(a.mask) })), baselineOf([a, b]))).toEqual([]);
  });

  it("finds creates, updates with the base version, and deletes", () => {
    const c = testObject({ id: "c", order: 3 });
    let changed = applyOp(doc, { type: "add", object: c });
    changed = applyOp(changed, updateOp(a, { labelClassId: "x" }));
    changed = applyOp(changed, { type: "remove", object: b });
    expect(pendingChanges(changed, baselineOf([a, b]))).toEqual([
      { kind: "update", object: changed.objects[0], baseVersion: 3 },
      { kind: "create", object: c },
      { kind: "delete", id: "b", baseVersion: 1 },
    ]);
  });

  it("treats an erased-away object as a delete, and re-saves an object deleted on the server", () => {
    const erased = applyOp(doc, updateOp(b, { mask: createMask(20, 20) }));
    expect(pendingChanges(erased, baselineOf([a, b]))).toEqual([{ kind: "delete", id: "b", baseVersion: 1 }]);
    const baseline = baselineOf([a, b]);
    baseline.set("a", { ...baseline.get("a")!, deleted: true, version: 4 });
    expect(pendingChanges(doc, baseline)).toEqual([{ kind: "update", object: a, baseVersion: 4 }]);
  });
});

describe("annotation codec", () => {
  it("round-trips an object through the save payload (COCO RLE) with bbox/area matching lib/mask", () => {
    const mask = discMask(31, 17, 12.5, 8, 6);
    mask.data[0] = 1; // a second part in the corner
    const object = testObject({
      id: "obj-x",
      mask,
      order: 2.5,
      labelClassId: "cat",
      prompt: { points: [{ x: 12, y: 8, positive: true }], box: null, candidate: 1 },
      telemetry: { secondsSpent: 3.456, clicks: 2, toolsUsed: ["smart_click", "brush"], modelId: "m", predictedIou: 0.9, stabilityScore: null },
    });
    const payload = objectPayload(object);
    expect(payload.rle.size).toEqual([17, 31]);
    expect(rleArea(payload.rle)).toBe(maskArea(mask));
    expect(rleBbox(payload.rle)).toEqual(maskBbox(mask));
    // Disc rows 2..13, columns 7..17 (pixel centres within 6 of (12.5, 8)), plus pixel (0, 0).
    expect(maskBbox(mask)).toEqual([0, 0, 18, 14]);
    expect(payload.prompt.order).toBe(2.5);
    expect(payload.telemetry.secondsSpent).toBe(3.46);
    const restored = objectFromPayload({ id: "obj-x", payload, version: 0 });
    expect(masksEqual(restored.mask, mask)).toBe(true);
    expect(restored).toMatchObject({ order: 2.5, labelClassId: "cat", prompt: object.prompt });
  });

  it("builds objects from server DTOs", () => {
    const mask = discMask(10, 10, 5, 5, 2);
    const payload = objectPayload(testObject({ id: "q", mask }));
    const dto = annotationDto.parse({
      id: "q",
      projectId: "p",
      imageId: "i",
      labelClassId: null,
      rle: payload.rle,
      bbox: [3, 3, 4, 4],
      area: 12,
      source: "prefill",
      originId: null,
      telemetry: { clicks: 1, secondsSpent: 2, toolsUsed: ["brush", "legacy-tool"], modelId: null, predictedIou: null, stabilityScore: null },
      prompt: null,
      authorId: "u",
      version: 6,
      deleted: false,
      updatedAt: new Date(0).toISOString(),
    });
    const object = objectFromDto(dto);
    expect(object).toMatchObject({ id: "q", version: 6, source: "prefill", order: 0, prompt: null, attributes: {} });
    expect(object.telemetry.toolsUsed).toEqual(["brush"]);
    expect(masksEqual(object.mask, decodeRleToMask(payload.rle))).toBe(true);
  });
});
