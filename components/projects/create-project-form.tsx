"use client";

import { useActionState, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { createProjectAction } from "@/app/actions/project-actions";
import { buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";

export function CreateProjectForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState(createProjectAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset();
      router.push(`/projects/${state.data.id}`);
    }
  }, [state, router]);
  return (
    <form ref={formRef} action={action} className="space-y-3" aria-label="Create project">
      <div>
        <label htmlFor="project-name" className={labelText}>Name</label>
        <input id="project-name" name="name" required maxLength={100} className={inputField} placeholder="e.g. Street scenes, batch 1" />
      </div>
      <div>
        <label htmlFor="project-description" className={labelText}>Description <span className="font-normal text-slate-400">(optional)</span></label>
        <textarea id="project-description" name="description" rows={2} maxLength={2000} className={inputField} />
      </div>
      <FormError message={state && !state.ok ? state.error : null} />
      <button type="submit" className={buttonPrimary} disabled={pending}>{pending ? "Creating…" : "Create project"}</button>
    </form>
  );
}
