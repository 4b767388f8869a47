// Pure helpers over EditorDocument. Every function returns a new document
// (objects are shared, never mutated), so React can compare by reference.
import { maskPixel } from "./compact-mask";
import type { EditorDocument, EditorObject } from "./types";

export function createDocument(options: { width: number; height: number; objects?: readonly EditorObject[] }): EditorDocument {
  return { width: options.width, height: options.height, objects: sortByOrder(options.objects ?? []) };
}

export function sortByOrder(objects: readonly EditorObject[]): EditorObject[] {
  // Stable: equal orders keep their relative position.
  return [...objects].sort((a, b) => a.order - b.order);
}

export function findObject(doc: EditorDocument, id: string): EditorObject | undefined {
  return doc.objects.find((object) => object.id === id);
}

export function insertObject(doc: EditorDocument, object: EditorObject): EditorDocument {
  return { ...doc, objects: sortByOrder([...doc.objects.filter((o) => o.id !== object.id), object]) };
}

export function replaceObject(doc: EditorDocument, object: EditorObject): EditorDocument {
  const objects = doc.objects.map((o) => (o.id === object.id ? object : o));
  return { ...doc, objects: sortByOrder(objects) };
}

export function removeObjectById(doc: EditorDocument, id: string): EditorDocument {
  return { ...doc, objects: doc.objects.filter((o) => o.id !== id) };
}

/** Order for a new object: on top of everything. */
export function nextOrder(doc: EditorDocument): number {
  const top = doc.objects[doc.objects.length - 1];
  return top ? Math.floor(top.order) + 1 : 1;
}

/**
 * The order that moves `id` one place up (+1) or down (-1): the midpoint
 * between the two neighbours it passes, so only this object changes.
 * Returns null at the top/bottom.
 */
export function orderForMove(doc: EditorDocument, id: string, direction: 1 | -1): number | null {
  const index = doc.objects.findIndex((o) => o.id === id);
  if (index < 0) return null;
  const passed = doc.objects[index + direction];
  if (!passed) return null;
  const beyond = doc.objects[index + 2 * direction];
  if (!beyond) return passed.order + direction;
  return (passed.order + beyond.order) / 2;
}

/** Topmost visible object whose mask covers the pixel (x, y), if any (and that `include` accepts). */
export function objectAt(doc: EditorDocument, x: number, y: number, include?: (object: EditorObject) => boolean): EditorObject | undefined {
  const px = Math.floor(x);
  const py = Math.floor(y);
  if (px < 0 || py < 0 || px >= doc.width || py >= doc.height) return undefined;
  for (let i = doc.objects.length - 1; i >= 0; i--) {
    const object = doc.objects[i];
    if (object && !object.hidden && maskPixel(object.mask, px, py) && (include?.(object) ?? true)) return object;
  }
  return undefined;
}

/** A new, never-saved manual object, as every tool that adds one fills it in: visible, version 0. */
export function newManualObject(
  fields: Pick<EditorObject, "id" | "labelClassId" | "mask" | "order" | "telemetry"> & Partial<Pick<EditorObject, "originId" | "prompt" | "attributes">>,
): EditorObject {
  return { source: "manual", originId: null, version: 0, hidden: false, prompt: null, ...fields };
}
