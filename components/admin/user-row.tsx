"use client";

import { useActionState, useState, useTransition } from "react";
import { resetPasswordAction, setUserActiveAction, setUserRoleAction } from "@/app/actions/user-actions";
import { buttonDanger, buttonSecondary, inputField } from "../ui/button-styles";
import { FormError, FormSuccess } from "../ui/form-message";
import type { ActionResult } from "@/server/http/run-action";

type User = { id: string; name: string; email: string; role: string; active: boolean };

export function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [showReset, setShowReset] = useState(false);
  const [resetState, resetAction, resetting] = useActionState(resetPasswordAction, null);

  function run(task: () => Promise<ActionResult>) {
    start(async () => {
      const result = await task();
      setError(result.ok ? null : result.error);
    });
  }

  return (
    <>
      <tr className={user.active ? "" : "bg-slate-50 text-slate-500"} data-testid={`user-row-${user.email}`}>
        <td className="px-4 py-2.5 font-medium">{user.name}{isSelf && <span className="ml-2 text-xs text-slate-500">(you)</span>}</td>
        <td className="px-4 py-2.5">{user.email}</td>
        <td className="px-4 py-2.5">
          <select
            aria-label={`Role of ${user.email}`}
            value={user.role}
            disabled={pending}
            onChange={(event) => run(() => setUserRoleAction(user.id, event.target.value))}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            <option value="admin">admin</option>
            <option value="manager">manager</option>
            <option value="annotator">annotator</option>
            <option value="reviewer">reviewer</option>
          </select>
        </td>
        <td className="px-4 py-2.5">{user.active ? <span className="text-emerald-700">active</span> : <span className="text-red-700">deactivated</span>}</td>
        <td className="space-x-2 px-4 py-2.5 text-right whitespace-nowrap">
          <button type="button" className={buttonSecondary} onClick={() => setShowReset((open) => !open)} aria-expanded={showReset}>
            Reset password
          </button>
          <button type="button" className={buttonDanger} disabled={pending} onClick={() => run(() => setUserActiveAction(user.id, !user.active))}>
            {user.active ? "Deactivate" : "Activate"}
          </button>
        </td>
      </tr>
      {(showReset || error) && (
        <tr>
          <td colSpan={5} className="px-4 pb-3">
            <FormError message={error} />
            {showReset && (
              <form action={resetAction} className="mt-2 flex items-center gap-2" aria-label={`Reset password of ${user.email}`}>
                <input type="hidden" name="userId" value={user.id} />
                <input name="password" type="password" minLength={8} required placeholder="New password (8+ characters)" autoComplete="new-password" className={`${inputField} max-w-xs`} />
                <button type="submit" className={buttonSecondary} disabled={resetting}>Set password</button>
                <FormError message={resetState && !resetState.ok ? resetState.error : null} />
                <FormSuccess message={resetState?.ok ? "Password changed; their sessions were ended." : null} />
              </form>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
