"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { createLabelClassAction } from "@/app/actions/project-actions";
import { paletteColour } from "@/lib/label-palette";
import { buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { BulkLabelForms } from "./bulk-label-forms";
import { LabelClassRow, type LabelClassItem } from "./label-class-row";


export function LabelClassPanel(props: { projectId: string; labels: LabelClassItem[]; canManage: boolean; otherProjects?: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createLabelClassAction, null);
  // The last answer's error shows until the name is edited (a stale "already exists" would mislead).
  const [dismissed, setDismissed] = useState<typeof state>(null);
  const shownError = state && !state.ok && state !== dismissed ? state.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const nextColour = paletteColour(props.labels.length);
  return (
    <div className="space-y-5">
      {props.labels.length === 0 ? (
        <p className="text-sm text-slate-600">No label classes yet.{props.canManage ? " Add the classes annotators will pick from." : ""}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="label-list">
          {props.labels.map((label, index) => (
            <LabelClassRow
              key={label.id}
              projectId={props.projectId}
              label={label}
              index={index}
              count={props.labels.length}
              canManage={props.canManage}
              others={props.labels.filter((other) => other.id !== label.id).map((other) => ({ id: other.id, name: other.name }))}
            />
          ))}
        </ul>
      )}
      {props.canManage && (
        <form ref={formRef} action={action} className="flex flex-wrap items-end gap-3" aria-label="Add label class">
          <input type="hidden" name="projectId" value={props.projectId} />
          <div className="min-w-48 flex-1">
            <label htmlFor="label-name" className={labelText}>Label name</label>
            <input id="label-name" name="name" required maxLength={50} className={inputField} placeholder="e.g. car" onChange={() => setDismissed(state)} />
          </div>
          <div>
            <label htmlFor="label-color" className={labelText}>Colour</label>
            <input id="label-color" name="color" type="color" defaultValue={nextColour} key={nextColour} className="h-9 w-14 cursor-pointer rounded-md border border-slate-300 bg-white p-1" />
          </div>
          <button type="submit" className={buttonPrimary} disabled={pending}>Add label</button>
          <div className="w-full"><FormError message={shownError} /></div>
        </form>
      )}
      {props.canManage && <BulkLabelForms projectId={props.projectId} otherProjects={props.otherProjects ?? []} />}
    </div>
  );
}
