"use client";
// The project page's title and description; managers can edit both in place,
// and delete the project from the same form.
import { useActionState, useState } from "react";
import { updateProjectAction } from "@/app/actions/project-actions";
import { buttonPrimary, buttonSecondary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { DeleteProjectSection } from "./delete-project-section";
import { ReviewSamplingFields } from "./review-sampling-fields";
import type { ReviewSampling } from "@/lib/schemas/projects";

export function ProjectHeading(props: {
  projectId: string;
  name: string;
  description: string | null;
  instructions: string;
  handInRules: { requireLabels: boolean; minMasks: number; requireImageAttributes: boolean };
  /** Null for those who may not manage the project. */
  reviewSampling: ReviewSampling | null;
  canManage: boolean;
  imageCount: number;
}) {
  const [state, action, pending] = useActionState(updateProjectAction, null);
  // Open since which answer: a new successful answer closes the form (the page re-renders with the new name).
  const [openedAt, setOpenedAt] = useState<{ state: typeof state } | null>(null);
  const editing = openedAt !== null && !(state?.ok && state !== openedAt.state);
  const setEditing = (open: boolean) => setOpenedAt(open ? { state } : null);
  if (!editing) {
    return (
      <>
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{props.name}</h1>
          {props.canManage && (
            <button type="button" className="text-sm text-brand-700 hover:underline" onClick={() => setEditing(true)} data-testid="edit-project">
              Edit
            </button>
          )}
        </div>
        {props.description && <p className="mt-1 text-slate-600">{props.description}</p>}
      </>
    );
  }
  return (
    <form action={action} className="max-w-xl space-y-2" aria-label="Edit project">
      <input type="hidden" name="projectId" value={props.projectId} />
      <div>
        <label htmlFor="edit-project-name" className={labelText}>Name</label>
        <input id="edit-project-name" name="name" defaultValue={props.name} required maxLength={100} className={inputField} />
      </div>
      <div>
        <label htmlFor="edit-project-description" className={labelText}>Description</label>
        <textarea id="edit-project-description" name="description" defaultValue={props.description ?? ""} rows={2} maxLength={2000} className={inputField} />
      </div>
      <div>
        <label htmlFor="edit-project-instructions" className={labelText}>Instructions for annotators and reviewers</label>
        <textarea
          id="edit-project-instructions"
          name="instructions"
          defaultValue={props.instructions}
          rows={5}
          maxLength={20_000}
          className={inputField}
          placeholder={"What counts as one object, what to leave out, how tight the masks must be…"}
        />
        <p className="mt-1 text-xs text-slate-500">Shown in the editor, on the review page and under the work queue.</p>
      </div>
      <fieldset className="space-y-1.5">
        <legend className={labelText}>Before an image can be handed in for review</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="requireLabels" defaultChecked={props.handInRules.requireLabels} />
          Every mask has a label (pre-filled masks must be accepted or deleted)
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="requireImageAttributes" defaultChecked={props.handInRules.requireImageAttributes} />
          Every image attribute has a value (Label classes tab → Image attributes)
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          At least
          <input type="number" name="minMasks" min={0} max={1000} step={1} defaultValue={props.handInRules.minMasks} className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm" aria-label="Minimum masks per image" />
          masks per image (0: no minimum)
        </label>
      </fieldset>
      {props.reviewSampling && <ReviewSamplingFields sampling={props.reviewSampling} />}
      <FormError message={state && !state.ok ? state.error : null} />
      <div className="flex gap-2">
        <button type="submit" className={buttonPrimary} disabled={pending}>{pending ? "Saving…" : "Save"}</button>
        <button type="button" className={buttonSecondary} onClick={() => setEditing(false)}>Cancel</button>
      </div>
      <div className="border-t border-slate-200 pt-3">
        <DeleteProjectSection projectId={props.projectId} name={props.name} imageCount={props.imageCount} />
      </div>
    </form>
  );
}
