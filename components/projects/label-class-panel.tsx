"use client";

import { useActionState, useEffect, useRef, useTransition } from "react";
import { createLabelClassAction, deleteLabelClassAction } from "@/app/actions/project-actions";
import { buttonDanger, buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";

type LabelClass = { id: string; name: string; color: string };

const PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6", "#bcf60c"];

export function LabelClassPanel(props: { projectId: string; labels: LabelClass[]; canManage: boolean }) {
  const [state, action, pending] = useActionState(createLabelClassAction, null);
  const [deleting, startDelete] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const nextColour = PALETTE[props.labels.length % PALETTE.length] ?? "#4363d8";
  return (
    <div className="space-y-5">
      {props.labels.length === 0 ? (
        <p className="text-sm text-slate-600">No label classes yet.{props.canManage ? " Add the classes annotators will pick from." : ""}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="label-list">
          {props.labels.map((label, index) => (
            <li key={label.id} className="flex items-center gap-3 py-2">
              <span className="h-4 w-4 rounded border border-black/10" style={{ backgroundColor: label.color }} aria-hidden />
              <span className="font-medium">{label.name}</span>
              <kbd className="rounded border border-slate-200 px-1.5 text-xs text-slate-500" title="Shortcut in the editor">{index + 1}</kbd>
              {props.canManage && (
                <button
                  type="button"
                  className={`${buttonDanger} ml-auto`}
                  disabled={deleting}
                  onClick={() => startDelete(async () => void (await deleteLabelClassAction(props.projectId, label.id)))}
                  aria-label={`Delete label ${label.name}`}
                >
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canManage && (
        <form ref={formRef} action={action} className="flex flex-wrap items-end gap-3" aria-label="Add label class">
          <input type="hidden" name="projectId" value={props.projectId} />
          <div className="min-w-48 flex-1">
            <label htmlFor="label-name" className={labelText}>Label name</label>
            <input id="label-name" name="name" required maxLength={50} className={inputField} placeholder="e.g. car" />
          </div>
          <div>
            <label htmlFor="label-color" className={labelText}>Colour</label>
            <input id="label-color" name="color" type="color" defaultValue={nextColour} key={nextColour} className="h-9 w-14 cursor-pointer rounded-md border border-slate-300 bg-white p-1" />
          </div>
          <button type="submit" className={buttonPrimary} disabled={pending}>Add label</button>
          <div className="w-full"><FormError message={state && !state.ok ? state.error : null} /></div>
        </form>
      )}
    </div>
  );
}
