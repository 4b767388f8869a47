"use client";
// Keeps the image cards' status badges live: when any task of the project
// changes (claimed, submitted, reviewed; pushed over socket.io), the server
// page re-renders once the burst is over (a batch of 500 is one refresh).
// It also re-renders once the project room is joined, so a change made
// between the page's render and the join is not missed.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useProjectRoom, useSocketEvents } from "../tasks/use-live-events";

const EVENTS = ["task:changed"] as const;

export function RefreshOnTaskChanges({ projectId, delayMs = 800 }: { projectId: string; delayMs?: number }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), delayMs);
  }, [router, delayMs]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  useProjectRoom(projectId, schedule);
  useSocketEvents(EVENTS, (_event, payload) => {
    if ((payload as { projectId?: string } | null)?.projectId === projectId) schedule();
  });
  return null;
}
