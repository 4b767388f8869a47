"use client";

// Submit / Skip / Stop in the editor's side panel (see use-task-actions): the
// lease's state, the skip reason form and any failure, said plainly.
import { useState } from "react";
import { buttonDanger, buttonPrimary, buttonSecondary, inputField } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import type { TaskActions } from "./use-task-actions";

const SKIP_REASONS = ["Image unclear or corrupt", "Nothing to label", "Not this project's content", "Too hard: needs an expert"];

/** Asked when Submit finds pre-filled masks nobody decided on (count 0: not asking). */
export type PrefillQuestion = { count: number; acceptAll: () => void; submitAsThey: () => void; back: () => void };

export function TaskActionsBar({
  actions,
  lease,
  prefillQuestion,
}: {
  actions: TaskActions;
  lease: { lost: string | null; leaseExpiresAt: string | null };
  prefillQuestion?: PrefillQuestion;
}) {
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
      {prefillQuestion && prefillQuestion.count > 0 && (
        <div role="alertdialog" aria-label="Undecided pre-filled masks" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-2.5 text-sm text-amber-950" data-testid="prefill-undecided">
          <p>
            {prefillQuestion.count === 1 ? "1 pre-filled mask is" : `${prefillQuestion.count} pre-filled masks are`} not decided yet. Accept keeps
            {prefillQuestion.count === 1 ? " it" : " them"} with the active label; delete the wrong ones first.
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={buttonPrimary} onClick={prefillQuestion.acceptAll} disabled={disabled} data-testid="prefill-accept-submit">
              Accept all &amp; submit
            </button>
            <button type="button" className={buttonSecondary} onClick={prefillQuestion.submitAsThey} disabled={disabled} data-testid="prefill-submit-unlabelled">
              Submit unlabelled
            </button>
            <button type="button" className={buttonSecondary} onClick={prefillQuestion.back} data-testid="prefill-back">
              Back
            </button>
          </div>
        </div>
      )}
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
