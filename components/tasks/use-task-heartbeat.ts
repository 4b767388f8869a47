"use client";

// Keeps the lease on the task being worked on alive while the page is open:
// a heartbeat every ~30 s, and at once when the tab becomes visible again
// (timers sleep in background tabs and on suspended laptops). When the server
// answers 409 the lease is lost: `lost` carries the message to show; the
// editor keeps its unsaved work locally. Network failures are retried on the
// next beat (the lease lasts ten minutes; one missed beat is harmless).
//
//   const { lost, leaseExpiresAt, check } = useTaskHeartbeat(taskId);
//
// `check()` beats at once: the editor calls it when a save is refused, so a
// lost lease is explained the moment it matters, not at the next beat.
import { useCallback, useEffect, useRef, useState } from "react";
import { TaskApiError, taskApi } from "./task-api";

export type HeartbeatState = { leaseExpiresAt: string | null; lost: string | null; lastError: string | null };

export function useTaskHeartbeat(
  taskId: string | null | undefined,
  options: { intervalMs?: number; onLost?: (message: string) => void } = {},
): HeartbeatState & { check: () => void } {
  const [state, setState] = useState<HeartbeatState>({ leaseExpiresAt: null, lost: null, lastError: null });
  const beatNow = useRef<() => void>(() => undefined);
  const intervalMs = options.intervalMs ?? 30_000;
  const onLost = options.onLost;
  useEffect(() => {
    if (!taskId) return;
    let stopped = false;
    let lost = false;
    const beat = async () => {
      if (stopped || lost) return;
      try {
        const answer = await taskApi<{ leaseExpiresAt: string }>(`/api/tasks/${encodeURIComponent(taskId)}/heartbeat`, { method: "POST" });
        if (!stopped) setState({ leaseExpiresAt: answer.leaseExpiresAt, lost: null, lastError: null });
      } catch (error) {
        if (stopped) return;
        if (error instanceof TaskApiError && (error.status === 409 || error.status === 404 || error.status === 403)) {
          lost = true;
          setState((previous) => ({ ...previous, lost: error.message }));
          onLost?.(error.message);
        } else {
          setState((previous) => ({ ...previous, lastError: error instanceof Error ? error.message : String(error) }));
        }
      }
    };
    beatNow.current = () => void beat();
    void beat();
    const timer = setInterval(() => void beat(), intervalMs);
    const onVisible = () => {
      if (document.visibilityState === "visible") void beat();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      beatNow.current = () => undefined;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [taskId, intervalMs, onLost]);
  const check = useCallback(() => beatNow.current(), []);
  return { ...state, check };
}
