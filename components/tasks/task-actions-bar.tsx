"use client";

// Submit / Skip / Stop for the page that works on a task (the editor mounts
// it). Submit and Skip open the next image of the queue directly; Stop hands
// the image back to the pool. It keeps the lease alive (useTaskHeartbeat)
// unless the page does that itself, and says so plainly when it was lost.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonDanger, buttonPrimary, buttonSecondary, inputField } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { taskApi, type ClaimAnswer } from "./task-api";
import { useTaskHeartbeat } from "./use-task-heartbeat";

const SKIP_REASONS = ["Image unclear or corrupt", "Nothing to label", "Not this project's content", "Too hard: needs an expert"];

type Props = {
  projectId: string;
  taskId: string;
  /** Called before submit/skip/stop: the editor flushes pending saves; return false to stay. */
  beforeLeave?: () => Promise<boolean | void> | boolean | void;
  heartbeat?: boolean;
};

export function TaskActionsBar({ projectId, taskId, beforeLeave, heartbeat = true }: Props) {
  const router = useRouter();
  const lease = useTaskHeartbeat(heartbeat ? taskId : null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState("");
  const queuePath = `/projects/${projectId}/queue`;

  const run = (action: () => Promise<string>) =>
    startTransition(async () => {
      setError(null);
      try {
        if ((await beforeLeave?.()) === false) return;
        router.push(await action());
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    });
  const nextOrQueue = (next: ClaimAnswer, done: string) => next.path ?? `${queuePath}?done=${done}`;
  const submit = () => run(async () => nextOrQueue((await taskApi<{ next: ClaimAnswer }>(`/api/tasks/${taskId}/submit`, { method: "POST" })).next, "submitted"));
  const skip = () => run(async () => nextOrQueue((await taskApi<{ next: ClaimAnswer }>(`/api/tasks/${taskId}/skip`, { method: "POST", body: { reason } })).next, "skipped"));
  const stop = () =>
    run(async () => {
      await taskApi(`/api/tasks/${taskId}/release`, { method: "POST" });
      return queuePath;
    });

  return (
    <div className="space-y-2" data-testid="task-actions">
      {lease.lost && (
        <p role="alert" data-testid="lease-lost" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {lease.lost}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonPrimary} onClick={submit} disabled={pending || Boolean(lease.lost)} data-testid="task-submit">
          Submit &amp; next
        </button>
        <button type="button" className={buttonSecondary} onClick={() => setSkipping((open) => !open)} disabled={pending || Boolean(lease.lost)}>
          Skip…
        </button>
        <button type="button" className={buttonDanger} onClick={stop} disabled={pending || Boolean(lease.lost)} title="Give the image back to the pool">
          Stop
        </button>
        {lease.leaseExpiresAt && !lease.lost && <span className="text-xs text-slate-500">Held until {new Date(lease.leaseExpiresAt).toLocaleTimeString()}</span>}
      </div>
      {skipping && (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label="Skip image"
          onSubmit={(event) => {
            event.preventDefault();
            skip();
          }}
        >
          <label className="min-w-64 flex-1 text-sm">
            <span className="mb-1 block font-medium text-slate-700">Why skip this image?</span>
            <input className={inputField} list="skip-reasons" value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={500} />
            <datalist id="skip-reasons">
              {SKIP_REASONS.map((option) => (
                <option key={option} value={option} />
              ))}
            </datalist>
          </label>
          <button type="submit" className={buttonSecondary} disabled={pending || reason.trim() === ""}>
            Skip &amp; next
          </button>
        </form>
      )}
      <FormError message={error} />
    </div>
  );
}
