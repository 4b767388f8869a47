import { describe, expect, it } from "vitest";
import { countForeground, maskFromRows, maskToRows } from "@/lib/mask";
import { EditorStore } from "./editor-store";
import { EditorController } from "../controller/editor-controller";
import { memoryClipboard } from "../controller/object-clipboard";
import { resolveShortcut } from "../tools/shortcuts";
import { copyObject, pasteObjectOps, readCopiedObject } from "./clipboard";
import { idSequence, testObject } from "./test-helpers";

const L = ["..##", "..##", "...."];

describe("copy and paste of objects", () => {
  it("pastes the same pixels, label and attributes on an image of the same size, as one undoable object on top", () => {
    const source = testObject({ id: "s", labelClassId: "car", attributes: { parked: true }, mask: maskFromRows(L) });
    const copy = readCopiedObject(JSON.stringify(copyObject(source)))!;
    const store = new EditorStore({ width: 4, height: 3, objects: [testObject({ id: "other", order: 5, mask: maskFromRows(["#...", "....", "...."]) })] });
    const pasted = pasteObjectOps({ doc: store.getState().doc, copy, labelIds: new Set(["car"]), newId: idSequence("p") })!;
    store.edit(pasted.ops, { label: "Paste object" });
    const object = store.getState().doc.objects.at(-1)!;
    expect(object).toMatchObject({ id: "p-0001", labelClassId: "car", attributes: { parked: true }, source: "manual", originId: null, version: 0 });
    expect(object.order).toBeGreaterThan(5);
    expect(object.telemetry.toolsUsed).toEqual(["paste"]);
    expect(maskToRows(object.mask)).toEqual(["0011", "0011", "0000"]);
    expect(pasted.scaled).toBe(false);
    store.undo();
    expect(store.getState().doc.objects.map((o) => o.id)).toEqual(["other"]);
  });

  it("scales to another image size, and drops a label this project does not have", () => {
    const copy = copyObject(testObject({ id: "s", labelClassId: "car", attributes: { parked: true }, mask: maskFromRows(L) }));
    const store = new EditorStore({ width: 8, height: 6, objects: [] });
    const pasted = pasteObjectOps({ doc: store.getState().doc, copy, labelIds: new Set(["person"]), newId: idSequence() })!;
    const object = (pasted.ops[0] as { object: { mask: Parameters<typeof maskToRows>[0]; labelClassId: string | null; attributes?: unknown } }).object;
    expect(pasted.scaled).toBe(true);
    expect(object.labelClassId).toBeNull();
    expect(object.attributes).toBeUndefined();
    expect(countForeground(object.mask)).toBe(16);
    expect(maskToRows(object.mask).slice(0, 4)).toEqual(["00001111", "00001111", "00001111", "00001111"]);
  });

  it("ignores text that is not a copied object", () => {
    expect(readCopiedObject(null)).toBeNull();
    expect(readCopiedObject("hello")).toBeNull();
    expect(readCopiedObject(JSON.stringify({ kind: "other" }))).toBeNull();
  });

  it("Ctrl+C / Ctrl+V through the controller: copy the selection, paste it, say when there is nothing", () => {
    expect(resolveShortcut({ key: "c", code: "KeyC", ctrl: true, meta: false, shift: false, alt: false })).toEqual({ type: "copyObject" });
    expect(resolveShortcut({ key: "v", code: "KeyV", ctrl: false, meta: true, shift: false, alt: false })).toEqual({ type: "pasteObject" });
    const clipboard = memoryClipboard();
    const store = new EditorStore({ width: 4, height: 3, objects: [testObject({ id: "s", labelClassId: "car", mask: maskFromRows(L) })] });
    const controller = new EditorController({ store, model: { id: "m", inputSize: 32 }, labels: [{ id: "car" }], clipboard, newId: idSequence("p") });
    controller.command({ type: "pasteObject" });
    expect(store.getState().notice).toBe("Nothing to paste: select an object and press Ctrl+C first.");
    controller.command({ type: "copyObject" });
    expect(store.getState().notice).toBe("Select an object to copy it.");
    store.select("s");
    controller.command({ type: "copyObject" });
    controller.command({ type: "pasteObject" });
    expect(store.getState().doc.objects.map((o) => [o.id, o.labelClassId])).toEqual([["s", "car"], ["p-0001", "car"]]);
    expect(store.getState().selectedId).toBe("p-0001");
  });
});
