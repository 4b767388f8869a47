"use client";
// The Images tab's selection as a tiny external store (one per project, kept
// in sessionStorage): the checkboxes on the server-rendered cards and the bulk
// action bar read and change the same selection without a shared React parent,
// and it survives paging, filtering and a reload in this browser tab.
import { useCallback, useSyncExternalStore } from "react";
import { EMPTY_SELECTION, parseSelection, serializeSelection, type ImageSelection } from "./image-selection";

const cache = new Map<string, ImageSelection>();
const listeners = new Set<() => void>();
const storageKey = (projectId: string) => `maskwright:image-selection:${projectId}`;

function read(projectId: string): ImageSelection {
  let selection = cache.get(projectId);
  if (!selection) {
    selection = parseSelection(typeof window === "undefined" ? null : window.sessionStorage.getItem(storageKey(projectId)));
    cache.set(projectId, selection);
  }
  return selection;
}

function write(projectId: string, selection: ImageSelection): void {
  cache.set(projectId, selection);
  try {
    if (selection.size === 0) window.sessionStorage.removeItem(storageKey(projectId));
    else window.sessionStorage.setItem(storageKey(projectId), serializeSelection(selection));
  } catch {
    // Storage full or disabled: the selection still works until the tab closes.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useImageSelection(projectId: string): [ImageSelection, (change: (selection: ImageSelection) => ImageSelection) => void] {
  const selection = useSyncExternalStore(
    subscribe,
    () => read(projectId),
    // The server never knows the browser's selection.
    () => EMPTY_SELECTION,
  );
  const update = useCallback((change: (selection: ImageSelection) => ImageSelection) => write(projectId, change(read(projectId))), [projectId]);
  return [selection, update];
}
