"use client";
// Current password, new one twice. On success the form empties and says how
// many other sessions were signed out.
import { useActionState, useEffect, useRef } from "react";
import { changeOwnPasswordAction } from "@/app/actions/user-actions";
import { buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changeOwnPasswordAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const ended = state?.ok ? state.data.endedSessions : 0;
  return (
    <form ref={formRef} action={action} className="space-y-3" aria-label="Change password">
      <div>
        <label htmlFor="current-password" className={labelText}>Current password</label>
        <input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required className={inputField} />
      </div>
      <div>
        <label htmlFor="new-password" className={labelText}>New password <span className="font-normal text-slate-400">(at least 8 characters)</span></label>
        <input id="new-password" name="newPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={128} className={inputField} />
      </div>
      <div>
        <label htmlFor="confirm-password" className={labelText}>New password again</label>
        <input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" required className={inputField} />
      </div>
      <FormError message={state && !state.ok ? state.error : null} />
      {state?.ok && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="password-changed">
          Password changed.{ended > 0 ? ` ${ended} other session${ended === 1 ? " was" : "s were"} signed out.` : ""}
        </p>
      )}
      <button type="submit" className={buttonPrimary} disabled={pending}>{pending ? "Changing…" : "Change password"}</button>
    </form>
  );
}
