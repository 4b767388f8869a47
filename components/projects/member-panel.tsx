"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { addMemberAction, removeMemberAction } from "@/app/actions/project-actions";
import { buttonDanger, buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";

type Member = { role: string; user: { id: string; name: string; email: string; active: boolean } };

export function MemberPanel(props: { projectId: string; members: Member[]; canManage: boolean }) {
  const [state, action, pending] = useActionState(addMemberAction, null);
  const [removing, startRemove] = useTransition();
  // Why a removal was refused (e.g. the project's last manager).
  const [removeError, setRemoveError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <div className="space-y-5">
      <table className="w-full text-left text-sm" data-testid="member-table">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr><th className="py-2 font-medium">Name</th><th className="py-2 font-medium">Email</th><th className="py-2 font-medium">Role</th><th /></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.members.map((member) => (
            <tr key={member.user.id}>
              <td className="py-2 font-medium">{member.user.name}{!member.user.active && <span className="ml-2 text-xs text-red-600">deactivated</span>}</td>
              <td className="py-2 text-slate-600">{member.user.email}</td>
              <td className="py-2"><span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{member.role}</span></td>
              <td className="py-2 text-right">
                {props.canManage && (
                  <button
                    type="button"
                    className={buttonDanger}
                    disabled={removing}
                    aria-label={`Remove ${member.user.email}`}
                    onClick={() =>
                      startRemove(async () => {
                        const result = await removeMemberAction(props.projectId, member.user.id);
                        setRemoveError(result.ok ? null : result.error);
                      })
                    }
                  >
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError message={removeError} />
      {props.canManage && (
        <form ref={formRef} action={action} className="flex flex-wrap items-end gap-3" aria-label="Add member">
          <input type="hidden" name="projectId" value={props.projectId} />
          <div className="min-w-56 flex-1">
            <label htmlFor="member-email" className={labelText}>Email of an existing user</label>
            <input id="member-email" name="email" type="email" required className={inputField} placeholder="name@example.com" />
          </div>
          <div>
            <label htmlFor="member-role" className={labelText}>Project role</label>
            <select id="member-role" name="role" defaultValue="annotator" className={inputField}>
              <option value="annotator">Annotator</option>
              <option value="reviewer">Reviewer</option>
              <option value="manager">Manager</option>
            </select>
          </div>
          <button type="submit" className={buttonPrimary} disabled={pending}>Add member</button>
          <div className="w-full"><FormError message={state && !state.ok ? state.error : null} /></div>
        </form>
      )}
    </div>
  );
}
