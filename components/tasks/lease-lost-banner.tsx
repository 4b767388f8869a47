"use client";

// Said plainly, over the canvas, the moment the lease on the open image is
// gone (expired, released elsewhere, handed to someone else): nothing more
// can be saved here, the unsaved work stays in this browser's outbox, and
// claiming again brings it back. The page reloads on purpose after a claim:
// the editor restarts, restores the outbox and sends it under the new lease.
import { useState } from "react";
import { buttonPrimary } from "../ui/button-styles";
import { taskApi, type ClaimAnswer } from "./task-api";

export function LeaseLostBanner(props: { message: string; unsaved: number; projectId: string; stage: "annotate" | "review" }) {
  const [pending, setPending] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const claim = async () => {
    setPending(true);
    setNote(null);
    try {
      const answer = await taskApi<ClaimAnswer>(`/api/projects/${encodeURIComponent(props.projectId)}/tasks/claim`, { method: "POST", body: { stage: props.stage } });
      if (answer.path) return window.location.assign(answer.path);
      setNote(props.stage === "annotate" ? "Nothing to label right now: your queue and the pool are empty." : "Nothing waits for review right now.");
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error));
    }
    setPending(false);
  };
  return (
    <div
      role="alert"
      data-testid="lease-lost"
      className="fixed left-[calc((100vw-20rem)/2)] top-28 z-50 w-[min(34rem,calc(100vw-22rem))] -translate-x-1/2 space-y-2 rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 shadow-lg"
    >
      <p className="font-semibold">This image is no longer held for you: changes here are not saved to the server.</p>
      <p>{props.message}</p>
      <p data-testid="lease-lost-unsaved">
        {props.unsaved > 0
          ? `${props.unsaved} unsaved change${props.unsaved === 1 ? " is" : "s are"} kept in this browser and will be sent when you hold this image again.`
          : "Everything you did before was saved."}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonPrimary} onClick={() => void claim()} disabled={pending} data-testid="lease-reclaim">
          {pending ? "Opening…" : props.stage === "annotate" ? "Start labeling again" : "Start reviewing again"}
        </button>
        {note && <span className="text-xs">{note}</span>}
      </div>
    </div>
  );
}
