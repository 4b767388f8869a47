"use client";
// Managers' shortcuts for many label classes: paste a list (one name per
// line), or copy another project's set with its colours. Each says what it
// added and what it skipped because the project already had it.
import { useActionState } from "react";
import { addLabelClassesAction, copyLabelClassesAction } from "@/app/actions/project-actions";
import { buttonSecondary, inputField, labelText } from "../ui/button-styles";
import { FormError, FormSuccess } from "../ui/form-message";

type Answer = Awaited<ReturnType<typeof addLabelClassesAction>> | null;

function outcome(state: Answer): string | null {
  if (!state?.ok) return null;
  const { created, skipped } = state.data;
  const added = created.length === 0 ? "Nothing new to add" : `Added ${created.length} label class${created.length === 1 ? "" : "es"}`;
  return skipped.length > 0 ? `${added}; already here: ${skipped.join(", ")}.` : `${added}.`;
}

export function BulkLabelForms(props: { projectId: string; otherProjects: { id: string; name: string }[] }) {
  const [pasted, paste, pasting] = useActionState(addLabelClassesAction, null);
  const [copied, copy, copying] = useActionState(copyLabelClassesAction, null);
  return (
    <details className="rounded-md border border-slate-200 p-3" data-testid="bulk-labels">
      <summary className="cursor-pointer text-sm font-medium text-slate-700">Add many at once, or copy from another project</summary>
      <div className="mt-3 grid gap-5 md:grid-cols-2">
        <form action={paste} className="space-y-2" aria-label="Paste label classes">
          <input type="hidden" name="projectId" value={props.projectId} />
          <label htmlFor="label-names" className={labelText}>One name per line</label>
          <textarea id="label-names" name="names" rows={5} className={inputField} placeholder={"car\nperson\nbicycle"} />
          <FormError message={pasted && !pasted.ok ? pasted.error : null} />
          <FormSuccess message={outcome(pasted)} />
          <button type="submit" className={buttonSecondary} disabled={pasting}>{pasting ? "Adding…" : "Add these"}</button>
        </form>
        <form action={copy} className="space-y-2" aria-label="Copy label classes">
          <input type="hidden" name="projectId" value={props.projectId} />
          <label htmlFor="copy-from" className={labelText}>Copy names, colours and order from</label>
          <select id="copy-from" name="fromProjectId" className={inputField} defaultValue="" disabled={props.otherProjects.length === 0}>
            <option value="" disabled>{props.otherProjects.length === 0 ? "No other project" : "Choose a project"}</option>
            {props.otherProjects.map((project) => <option key={project.id} value={project.id}>{project.name}</option>)}
          </select>
          <FormError message={copied && !copied.ok ? copied.error : null} />
          <FormSuccess message={outcome(copied)} />
          <button type="submit" className={buttonSecondary} disabled={copying || props.otherProjects.length === 0}>{copying ? "Copying…" : "Copy label classes"}</button>
        </form>
      </div>
    </details>
  );
}
