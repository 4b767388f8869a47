"use client";
// Keeps the image cards' status badges live: when any task of the project
// changes (claimed, submitted, reviewed; pushed over socket.io), the server
// page re-renders once the burst is over (a batch of 500 is one refresh).
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useProjectEvent } from "../realtime/use-project-socket";

export function RefreshOnTaskChanges({ projectId, delayMs = 800 }: { projectId: string; delayMs?: number }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChanged = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), delayMs);
  }, [router, delayMs]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  useProjectEvent(projectId, "task:changed", onChanged);
  return null;
}
