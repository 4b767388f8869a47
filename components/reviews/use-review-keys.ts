"use client";
// The reviewer's keys: Ctrl+Enter (Cmd+Enter) accepts, also from the note
// field; H shows or hides the masks and O steps their fill opacity, as in the
// editor. Letters are ignored while typing a comment.
import { useEffect } from "react";
import { isTextField } from "../ui/is-text-field";

export function useReviewKeys(options: { onAccept: (() => void) | null; onToggleMasks: () => void; onCycleOpacity: () => void }): void {
  const { onAccept, onToggleMasks, onCycleOpacity } = options;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        if (!onAccept) return;
        event.preventDefault();
        onAccept();
        return;
      }
      if (isTextField(event.target)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === "h") onToggleMasks();
      else if (key === "o") onCycleOpacity();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onAccept, onToggleMasks, onCycleOpacity]);
}
