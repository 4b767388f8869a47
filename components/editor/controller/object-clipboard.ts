// Ctrl+C / Ctrl+V in the editor: the selected object to the clipboard store,
// and the clipboard's object onto this image, with a notice saying what
// happened. The store is the tab's session storage in the browser (so a copy
// survives moving to the next image) and memory in tests.
import { copyObject, pasteObjectOps, readCopiedObject } from "../core/clipboard";
import type { EditorStore } from "../core/editor-store";

export interface ClipboardStore {
  read(): string | null;
  write(text: string): void;
}

export function memoryClipboard(): ClipboardStore {
  let text: string | null = null;
  return { read: () => text, write: (value) => void (text = value) };
}

export function copySelectedObject(options: { store: EditorStore; clipboard: ClipboardStore }): void {
  const { store } = options;
  const state = store.getState();
  const object = state.doc.objects.find((candidate) => candidate.id === state.selectedId);
  if (!object) return store.setNotice("Select an object to copy it.");
  options.clipboard.write(JSON.stringify(copyObject(object)));
  store.setNotice("Copied the object: Ctrl+V pastes it here or on another image.");
}

export function pasteCopiedObject(options: { store: EditorStore; clipboard: ClipboardStore; labels: readonly { id: string }[]; newId: () => string }): void {
  const { store } = options;
  const copy = readCopiedObject(options.clipboard.read());
  if (!copy) return store.setNotice("Nothing to paste: select an object and press Ctrl+C first.");
  const pasted = pasteObjectOps({ doc: store.getState().doc, copy, labelIds: new Set(options.labels.map((label) => label.id)), newId: options.newId });
  if (!pasted) return store.setNotice("The copied object does not fit on this image.");
  store.edit(pasted.ops, { label: "Paste object" });
  store.select(pasted.objectId);
  store.setNotice(pasted.scaled ? "Pasted, scaled to this image's size." : "Pasted.");
}
