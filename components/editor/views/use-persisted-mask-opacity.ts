"use client";
// Keeps the chosen mask opacity from image to image (each image gets a new
// editor store) and across visits, in this browser's localStorage.
import { useEffect } from "react";
import type { EditorStore } from "../core/editor-store";

const KEY = "maskwright:maskOpacity";

export function usePersistedMaskOpacity(store: EditorStore): void {
  useEffect(() => {
    const saved = readSaved();
    if (saved !== null) store.setMaskOpacity(saved);
    // Written on change only, so opening an image never overwrites the saved value with the default.
    let last = store.getState().maskOpacity;
    return store.subscribe(() => {
      const current = store.getState().maskOpacity;
      if (current === last) return;
      last = current;
      try {
        window.localStorage.setItem(KEY, String(current));
      } catch {
        // Storage full or disabled (private mode): the setting lasts this page only.
      }
    });
  }, [store]);
}

function readSaved(): number | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw === null ? null : Number(raw);
  } catch {
    return null;
  }
}
