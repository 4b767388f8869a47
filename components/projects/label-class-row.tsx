"use client";
// One label class in the manager's list: rename / recolour / describe in place, define
// the attributes its masks carry, move it
// up or down (the editor's 1-9 order), merge it into another class (its masks
// move there), and delete after a confirmation that says how many masks lose
// the label (they stay, unlabelled).
import { useState, useTransition } from "react";
import { deleteLabelClassAction, mergeLabelClassAction, moveLabelClassAction, updateLabelClassAction } from "@/app/actions/project-actions";
import type { ActionResult } from "@/server/http/run-action";
import { buttonDanger, buttonPrimary, buttonSecondary, inputField } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import type { LabelAttribute } from "@/lib/schemas/label-attributes";
import { describeAttributeDefinition, LabelAttributeEditor } from "./label-attribute-editor";

export type LabelClassItem = { id: string; name: string; color: string; description: string; attributes: LabelAttribute[]; maskCount: number };

const small = "px-2 py-1 text-xs";

export function LabelClassRow(props: { projectId: string; label: LabelClassItem; index: number; count: number; canManage: boolean; others: { id: string; name: string }[] }) {
  const { projectId, label, index, count } = props;
  const [mode, setMode] = useState<"view" | "edit" | "attributes" | "merge" | "confirm-delete">("view");
  const [into, setInto] = useState("");
  const [name, setName] = useState(label.name);
  const [color, setColor] = useState(label.color);
  const [description, setDescription] = useState(label.description);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult>, after: () => void = () => undefined) =>
    startTransition(async () => {
      setError(null);
      const result = await action();
      if (result.ok) after();
      else setError(result.error);
    });
  const masks = `${label.maskCount} mask${label.maskCount === 1 ? "" : "s"}`;

  return (
    <li className="space-y-1 py-2" data-testid="label-row" data-label={label.name}>
      <div className="flex flex-wrap items-center gap-3">
        {mode === "edit" ? (
          <form
            className="flex flex-1 flex-wrap items-center gap-2"
            aria-label={`Edit label ${label.name}`}
            onSubmit={(event) => {
              event.preventDefault();
              run(() => updateLabelClassAction({ projectId, labelClassId: label.id, name, color, description }), () => setMode("view"));
            }}
          >
            <input type="color" value={color} onChange={(event) => setColor(event.target.value)} aria-label="Colour" className="h-8 w-12 cursor-pointer rounded border border-slate-300 bg-white p-0.5" />
            <input value={name} onChange={(event) => setName(event.target.value)} aria-label="New name" maxLength={50} required className={`${inputField} w-48 py-1`} />
            <input
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              aria-label="Description for annotators"
              placeholder="What it covers, what it does not"
              maxLength={500}
              className={`${inputField} min-w-48 flex-1 py-1`}
            />
            <button type="submit" className={`${buttonPrimary} ${small}`} disabled={pending}>Save</button>
            <button type="button" className={`${buttonSecondary} ${small}`} onClick={() => { setMode("view"); setName(label.name); setColor(label.color); setDescription(label.description); setError(null); }}>Cancel</button>
          </form>
        ) : (
          <>
            <span className="h-4 w-4 rounded border border-black/10" style={{ backgroundColor: label.color }} aria-hidden />
            <span className="font-medium">{label.name}</span>
            <kbd className="rounded border border-slate-200 px-1.5 text-xs text-slate-500" title="Shortcut in the editor">{index < 9 ? index + 1 : index === 9 ? 0 : "–"}</kbd>
            <span className="text-xs text-slate-500" data-testid="label-mask-count">{masks}</span>
            {label.description && <span className="min-w-0 flex-1 truncate text-xs text-slate-500" title={label.description} data-testid="label-description">{label.description}</span>}
          </>
        )}
        {props.canManage && mode === "view" && (
          <div className="ml-auto flex items-center gap-1.5">
            <button type="button" className={`${buttonSecondary} ${small}`} disabled={pending || index === 0} onClick={() => run(() => moveLabelClassAction({ projectId, labelClassId: label.id, direction: -1 }))} aria-label={`Move ${label.name} up`}>↑</button>
            <button type="button" className={`${buttonSecondary} ${small}`} disabled={pending || index === count - 1} onClick={() => run(() => moveLabelClassAction({ projectId, labelClassId: label.id, direction: 1 }))} aria-label={`Move ${label.name} down`}>↓</button>
            <button type="button" className={`${buttonSecondary} ${small}`} onClick={() => { setName(label.name); setColor(label.color); setDescription(label.description); setMode("edit"); }} aria-label={`Edit label ${label.name}`}>Edit</button>
            <button type="button" className={`${buttonSecondary} ${small}`} onClick={() => setMode("attributes")} aria-label={`Attributes of ${label.name}`}>Attributes</button>
            {props.others.length > 0 && (
              <button type="button" className={`${buttonSecondary} ${small}`} onClick={() => { setInto(""); setMode("merge"); }} aria-label={`Merge ${label.name} into another class`}>Merge…</button>
            )}
            <button type="button" className={`${buttonDanger} ${small}`} onClick={() => setMode("confirm-delete")} aria-label={`Delete label ${label.name}`}>Delete</button>
          </div>
        )}
      </div>
      {mode !== "attributes" && label.attributes.length > 0 && (
        <p className="pl-7 text-xs text-slate-500" data-testid="label-attributes">Attributes: {label.attributes.map(describeAttributeDefinition).join(" · ")}</p>
      )}
      {mode === "attributes" && (
        <LabelAttributeEditor
          title={`Attributes of ${label.name}`}
          intro={`Each mask of “${label.name}” can carry these values; annotators set them under the selected object in the editor, and COCO and SA-1B exports include them.`}
          attributes={label.attributes}
          onSave={(attributes) => updateLabelClassAction({ projectId, labelClassId: label.id, attributes })}
          onDone={() => setMode("view")}
        />
      )}
      {mode === "merge" && (
        <form
          className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          aria-label={`Merge ${label.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            if (!into) return setError("Choose the class to merge into.");
            run(() => mergeLabelClassAction(projectId, label.id, into), () => setMode("view"));
          }}
        >
          <label htmlFor={`merge-${label.id}`}>Merge “{label.name}” into</label>
          <select id={`merge-${label.id}`} value={into} onChange={(event) => { setInto(event.target.value); setError(null); }} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm">
            <option value="">Choose a class…</option>
            {props.others.map((other) => (
              <option key={other.id} value={other.id}>{other.name}</option>
            ))}
          </select>
          <span className="flex-1 text-xs">
            {label.maskCount > 0 ? `Its ${masks} take that label (with the attribute values it defines);` : "No mask uses it;"} then “{label.name}” is deleted.
          </span>
          <button type="submit" className={`${buttonPrimary} ${small}`} disabled={pending}>Merge</button>
          <button type="button" className={`${buttonSecondary} ${small}`} onClick={() => setMode("view")}>Cancel</button>
        </form>
      )}
      {mode === "confirm-delete" && (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" role="alertdialog" aria-label={`Delete ${label.name}?`}>
          <span className="flex-1">
            Delete “{label.name}”? {label.maskCount > 0 ? `${masks} lose this label; the masks stay, unlabelled.` : "No mask uses it."}
          </span>
          <button type="button" className={`${buttonDanger} ${small}`} disabled={pending} onClick={() => run(() => deleteLabelClassAction(projectId, label.id))}>Delete label</button>
          <button type="button" className={`${buttonSecondary} ${small}`} onClick={() => setMode("view")}>Keep it</button>
        </div>
      )}
      <FormError message={error} />
    </li>
  );
}
