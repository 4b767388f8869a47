"use client";
// The manager panel's data: the detector overview (versions, settings) and
// pre-fill outcome counts. Live: project-room events refresh at once —
// "detector:training" (the worker's progress writes and outcome),
// "detector:changed" (a version queued or activated in an app process) and
// "prefill:image" (an image pre-filled); polling backs them up, every 2 s
// while a version trains or pre-fill jobs are queued (a skipped image sends
// no event) and every 20 s otherwise.
import { useCallback, useEffect, useRef, useState } from "react";
import type { DetectorSettings, DetectorVersionSummary, PrefillOverview, PrefillSettings, UpdateDetectorSettingsInput } from "@/lib/schemas/detector";
import type { DetectorOverview } from "@/server/detector/list-detector-versions";
import type { ActivatedDetectorVersion } from "@/server/detector/activate-detector-version";
import { useProjectRoom, useSocketEvents } from "../tasks/use-live-events";

const FAST_MS = 2000;
const SLOW_MS = 20_000;
/** Progress events arrive every ~2 s per training; coalesce bursts into one read. */
const EVENT_DEBOUNCE_MS = 250;
const EVENTS = ["detector:training", "detector:changed", "prefill:image"] as const;

async function readError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `Request failed (${response.status})`;
}

export function useDetectorOverview(projectId: string) {
  const [overview, setOverview] = useState<DetectorOverview | null>(null);
  const [outcomes, setOutcomes] = useState<PrefillOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/projects/${encodeURIComponent(projectId)}/detector`;

  const refresh = useCallback(async () => {
    const response = await fetch(base, { cache: "no-store" });
    if (!response.ok) {
      setError(await readError(response));
      return null;
    }
    const next = (await response.json()) as DetectorOverview;
    setOverview(next);
    if (next.canManage) {
      const counts = await fetch(`${base}/prefill`, { cache: "no-store" });
      if (counts.ok) setOutcomes((await counts.json()) as PrefillOverview);
    }
    return next;
  }, [base]);

  const training = overview?.versions.some((version) => version.status === "training") ?? false;
  const prefilling = outcomes !== null && outcomes.queue.waiting + outcomes.queue.running > 0;
  const fast = training || prefilling;
  useEffect(() => {
    let cancelled = false;
    const tick = () => {
      if (!cancelled) void refresh();
    };
    tick();
    const timer = setInterval(tick, fast ? FAST_MS : SLOW_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [refresh, fast]);

  const debounce = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (debounce.current && clearTimeout(debounce.current)), []);
  useProjectRoom(projectId);
  useSocketEvents(EVENTS, (_event, payload) => {
    if ((payload as { projectId?: string } | null)?.projectId !== projectId) return;
    if (debounce.current) clearTimeout(debounce.current);
    debounce.current = setTimeout(() => void refresh(), EVENT_DEBOUNCE_MS);
  });

  /** One write; refreshes the overview after a success. */
  const request = useCallback(
    async <T>(method: "POST" | "PATCH", path: string, body?: unknown): Promise<{ data: T } | { error: string }> => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) return { error: await readError(response) };
      const data = (await response.json()) as T;
      await refresh();
      return { data };
    },
    [base, refresh],
  );

  /** A panel action: its failure is the panel's error message. */
  const act = useCallback(
    async <T>(method: "POST", path: string): Promise<T | null> => {
      setError(null);
      const result = await request<T>(method, path);
      if ("error" in result) {
        setError(result.error);
        return null;
      }
      return result.data;
    },
    [request],
  );

  return {
    overview,
    outcomes,
    error,
    train: () => act<DetectorVersionSummary>("POST", ""),
    activate: (version: DetectorVersionSummary) => act<ActivatedDetectorVersion>("POST", `/${encodeURIComponent(version.id)}/activate`),
    prefillAll: () => act<{ queued: number }>("POST", "/prefill"),
    /** The settings form shows its own error. */
    saveSettings: (input: UpdateDetectorSettingsInput) => request<{ prefill: PrefillSettings; detector: DetectorSettings }>("PATCH", "/settings", input),
  };
}
