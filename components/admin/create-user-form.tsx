"use client";

import { useActionState, useEffect, useRef } from "react";
import { createUserAction } from "@/app/actions/user-actions";
import { buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError, FormSuccess } from "../ui/form-message";

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={action} className="space-y-3" aria-label="Create user">
      <div>
        <label htmlFor="user-name" className={labelText}>Name</label>
        <input id="user-name" name="name" required className={inputField} />
      </div>
      <div>
        <label htmlFor="user-email" className={labelText}>Email</label>
        <input id="user-email" name="email" type="email" required className={inputField} />
      </div>
      <div>
        <label htmlFor="user-password" className={labelText}>Initial password</label>
        <input id="user-password" name="password" type="password" minLength={8} required autoComplete="new-password" className={inputField} />
      </div>
      <div>
        <label htmlFor="user-role" className={labelText}>Role</label>
        <select id="user-role" name="role" defaultValue="annotator" className={inputField}>
          <option value="annotator">Annotator</option>
          <option value="reviewer">Reviewer</option>
          <option value="manager">Manager</option>
          <option value="admin">Admin</option>
        </select>
      </div>
      <FormError message={state && !state.ok ? state.error : null} />
      <FormSuccess message={state?.ok ? `Created ${state.data.email}.` : null} />
      <button type="submit" className={buttonPrimary} disabled={pending}>{pending ? "Creating…" : "Create user"}</button>
    </form>
  );
}
