"use client";
// Polls the detector routes: every 2 s while a version trains (live
// progress from the DetectorVersion row), every 20 s otherwise.
import { useCallback, useEffect, useState } from "react";
import type { DetectorVersionSummary, PrefillOutcomes } from "@/lib/schemas/detector";
import type { DetectorOverview } from "@/server/detector/list-detector-versions";

const FAST_MS = 2000;
const SLOW_MS = 20_000;

async function readError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `Request failed (${response.status})`;
}

export function useDetectorOverview(projectId: string) {
  const [overview, setOverview] = useState<DetectorOverview | null>(null);
  const [outcomes, setOutcomes] = useState<PrefillOutcomes | null>(null);
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
      if (counts.ok) setOutcomes((await counts.json()) as PrefillOutcomes);
    }
    return next;
  }, [base]);

  const training = overview?.versions.some((version) => version.status === "training") ?? false;
  useEffect(() => {
    let cancelled = false;
    const tick = () => {
      if (!cancelled) void refresh();
    };
    tick();
    const timer = setInterval(tick, training ? FAST_MS : SLOW_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [refresh, training]);

  const post = useCallback(
    async (path: string, body?: unknown): Promise<boolean> => {
      setError(null);
      const response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) {
        setError(await readError(response));
        return false;
      }
      await refresh();
      return true;
    },
    [base, refresh],
  );

  return {
    overview,
    outcomes,
    error,
    train: () => post(""),
    activate: (version: DetectorVersionSummary) => post(`/${encodeURIComponent(version.id)}/activate`),
    prefillAll: () => post("/prefill"),
  };
}
