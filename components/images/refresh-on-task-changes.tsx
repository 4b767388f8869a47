"use client";
// Keeps the image cards live: when any task of the project changes (claimed,
// submitted, reviewed; pushed over socket.io), or a mask on one of the cards
// shown is saved or deleted (counts and the "Show masks" overlay), the server
// page re-renders once the burst is over (a batch of 500 is one refresh; a
// steady stream of saves refreshes at most every few seconds, never starves).
// It also re-renders once the project room is joined, so a change made
// between the page's render and the join is not missed.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useProjectRoom, useSocketEvents } from "../tasks/use-live-events";

const EVENTS = ["task:changed", "annotation:saved", "annotation:deleted"] as const;
/** However long a burst lasts, the page is refreshed this long after its first event at the latest. */
const MAX_WAIT_MS = 3000;

/** The image an annotation event is about, or null for other events. */
function annotationImageId(event: string, payload: unknown): string | null {
  const data = payload as { imageId?: string; annotation?: { imageId?: string } } | null;
  if (event === "annotation:saved") return data?.annotation?.imageId ?? null;
  if (event === "annotation:deleted") return data?.imageId ?? null;
  return null;
}

export function RefreshOnTaskChanges({ projectId, imageIds = [], delayMs = 800 }: { projectId: string; imageIds?: readonly string[]; delayMs?: number }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const burstStartedAt = useRef(0);
  // useSocketEvents calls the latest handler, so this render's cards are the ones checked.
  const shown = new Set(imageIds);
  const schedule = useCallback(() => {
    const now = Date.now();
    if (timer.current) {
      if (now - burstStartedAt.current > MAX_WAIT_MS) return; // already due soon: let it fire
      clearTimeout(timer.current);
    } else {
      burstStartedAt.current = now;
    }
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, delayMs);
  }, [router, delayMs]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  useProjectRoom(projectId, schedule);
  useSocketEvents(EVENTS, (event, payload) => {
    const imageId = annotationImageId(event, payload);
    if (imageId !== null) {
      if (shown.has(imageId)) schedule();
      return;
    }
    if ((payload as { projectId?: string } | null)?.projectId === projectId) schedule();
  });
  return null;
}
