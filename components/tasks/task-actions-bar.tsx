"use client";

// Submit / Skip / Stop in the editor's side panel (see use-task-actions): the
// lease's state, the skip reason form and any failure, said plainly.
import { useState } from "react";
import { buttonDanger, buttonPrimary, buttonSecondary, inputField } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import type { TaskActions } from "./use-task-actions";

const SKIP_REASONS = ["Image unclear or corrupt", "Nothing to label", "Not this project's content", "Too hard: needs an expert"];

export function TaskActionsBar({ actions, lease }: { actions: TaskActions; lease: { lost: string | null; leaseExpiresAt: string | null } }) {
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState("");
  const disabled = actions.pending || Boolean(lease.lost);

  return (
    <section className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2.5" aria-label="Task" data-testid="task-actions">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonPrimary} onClick={actions.submit} disabled={disabled} data-testid="task-submit">
          {actions.pending ? "Saving…" : "Submit & next"}
        </button>
        <button type="button" className={buttonSecondary} onClick={() => setSkipping((open) => !open)} disabled={disabled} aria-expanded={skipping} data-testid="task-skip">
          Skip…
        </button>
        <button type="button" className={buttonDanger} onClick={actions.stop} disabled={disabled} title="Give the image back to the pool">
          Stop
        </button>
      </div>
      {lease.leaseExpiresAt && !lease.lost && <p className="text-xs text-slate-500">Held for you until {new Date(lease.leaseExpiresAt).toLocaleTimeString()}</p>}
      {skipping && (
        <form
          className="space-y-2"
          aria-label="Skip image"
          onSubmit={(event) => {
            event.preventDefault();
            actions.skip(reason);
          }}
        >
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">Why skip this image?</span>
            <input className={inputField} list="skip-reasons" value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={500} data-testid="skip-reason" />
            <datalist id="skip-reasons">
              {SKIP_REASONS.map((option) => (
                <option key={option} value={option} />
              ))}
            </datalist>
          </label>
          <button type="submit" className={buttonSecondary} disabled={disabled || reason.trim() === ""} data-testid="skip-confirm">
            Skip &amp; next
          </button>
        </form>
      )}
      <FormError message={actions.error} />
    </section>
  );
}
