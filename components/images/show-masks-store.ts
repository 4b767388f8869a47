// Whether the Images tab draws each image's masks over its thumbnail: one
// switch for every card, remembered in this browser (localStorage), and
// shared between the switch and the cards through useSyncExternalStore.
import { useSyncExternalStore } from "react";

const STORAGE_KEY = "maskwright:show-masks";
const CHANGED_EVENT = "maskwright:show-masks-changed";
/** The switch's state where localStorage cannot be used. */
let memory = false;

function readShowMasks(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "1";
  } catch {
    // Storage blocked (private mode, policy): the switch still works for this page.
    return memory;
  }
}

export function setShowMasks(on: boolean): void {
  memory = on;
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? "1" : "0");
  } catch {
    // See readShowMasks.
  }
  window.dispatchEvent(new Event(CHANGED_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED_EVENT, onChange);
  // Another tab switched it.
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function useShowMasks(): boolean {
  // Off on the server: the overlays are an enhancement drawn after hydration.
  return useSyncExternalStore(subscribe, readShowMasks, () => false);
}
