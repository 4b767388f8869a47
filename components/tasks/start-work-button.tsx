"use client";

// "Start labeling" / "Start reviewing": claims the next image of the actor's
// queue and opens it. Nothing left is said plainly, not as an error.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonPrimary, buttonSecondary } from "../ui/button-styles";
import { taskApi, type ClaimAnswer } from "./task-api";

export function StartWorkButton(props: { projectId: string; stage: "annotate" | "review"; variant?: "primary" | "secondary"; label?: string; batchId?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const label = props.label ?? (props.stage === "annotate" ? "Start labeling" : "Start reviewing");
  const start = () =>
    startTransition(async () => {
      setMessage(null);
      try {
        const answer = await taskApi<ClaimAnswer>(`/api/projects/${encodeURIComponent(props.projectId)}/tasks/claim`, { method: "POST", body: { stage: props.stage, batchId: props.batchId } });
        if (answer.path) router.push(answer.path);
        else if (props.batchId) setMessage(props.stage === "annotate" ? "Nothing left to label in this batch for you." : "Nothing in this batch waits for review.");
        else setMessage(props.stage === "annotate" ? "Nothing to label right now: your queue and the pool are empty." : "Nothing waits for review right now.");
      } catch (error) {
        setMessage(error instanceof Error ? error.message : String(error));
      }
    });
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button type="button" className={props.variant === "secondary" ? buttonSecondary : buttonPrimary} onClick={start} disabled={pending} data-testid={props.batchId ? `start-${props.stage}-batch` : `start-${props.stage}`}>
        {pending ? "Opening…" : label}
      </button>
      {message && (
        <span role="status" className="text-xs text-slate-600" data-testid={`start-${props.stage}-message`}>
          {message}
        </span>
      )}
    </span>
  );
}

/** The buttons a project member's role allows, for the project page header. */
export function StartWorkButtons(props: { projectId: string; role: string }) {
  const manager = props.role === "manager" || props.role === "admin";
  return (
    <div className="flex flex-wrap items-start gap-2">
      {(manager || props.role === "annotator") && <StartWorkButton projectId={props.projectId} stage="annotate" />}
      {(manager || props.role === "reviewer") && <StartWorkButton projectId={props.projectId} stage="review" variant={manager ? "secondary" : "primary"} />}
    </div>
  );
}
