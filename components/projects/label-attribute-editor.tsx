"use client";
// A manager defines attributes: those the masks of one label class carry, or
// those of whole images. Each has a name, a kind (yes/no, a list, text, a
// number) and a list's options. Saved as a whole; the server names any mistake.
import { useState, useTransition } from "react";
import type { ActionResult } from "@/server/http/run-action";
import { ATTRIBUTE_TYPES, MAX_ATTRIBUTES_PER_CLASS, type AttributeType, type LabelAttribute } from "@/lib/schemas/label-attributes";
import { buttonPrimary, buttonSecondary } from "../ui/button-styles";
import { FormError } from "../ui/form-message";

const TYPE_LABELS: Record<AttributeType, string> = { checkbox: "yes / no", select: "list", text: "text", number: "number" };
const small = "px-2 py-1 text-xs";
// Not the shared block, full-width field: here several sit on one line.
const compactField = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

type Draft = { name: string; type: AttributeType; options: string };

export function describeAttributeDefinition(attribute: LabelAttribute): string {
  return attribute.type === "select" ? `${attribute.name} (${attribute.options.join(" / ")})` : `${attribute.name} (${TYPE_LABELS[attribute.type]})`;
}

export function LabelAttributeEditor(props: {
  /** "Attributes of car", "Image attributes": the group's accessible name. */
  title: string;
  intro: string;
  attributes: readonly LabelAttribute[];
  onSave: (attributes: { name: string; type: AttributeType; options: string[] }[]) => Promise<ActionResult>;
  onDone: () => void;
}) {
  const [drafts, setDrafts] = useState<Draft[]>(props.attributes.map((attribute) => ({ name: attribute.name, type: attribute.type, options: attribute.options.join(", ") })));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const change = (index: number, patch: Partial<Draft>) => setDrafts((list) => list.map((draft, k) => (k === index ? { ...draft, ...patch } : draft)));

  const save = () =>
    startTransition(async () => {
      setError(null);
      const attributes = drafts.map((draft) => ({ name: draft.name, type: draft.type, options: draft.type === "select" ? draft.options.split(",").map((option) => option.trim()).filter(Boolean) : [] }));
      const result = await props.onSave(attributes);
      if (result.ok) props.onDone();
      else setError(result.error);
    });

  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" role="group" aria-label={props.title}>
      <p className="text-xs text-slate-600">{props.intro}</p>
      {drafts.map((draft, index) => (
        <div key={index} className="flex flex-wrap items-center gap-2" data-testid="attribute-draft">
          <input value={draft.name} onChange={(event) => change(index, { name: event.target.value })} aria-label={`Attribute ${index + 1} name`} placeholder="e.g. occluded" maxLength={40} className={`${compactField} w-40`} />
          <select value={draft.type} onChange={(event) => change(index, { type: event.target.value as AttributeType })} aria-label={`Attribute ${index + 1} kind`} className={`${compactField} w-28`}>
            {ATTRIBUTE_TYPES.map((type) => (
              <option key={type} value={type}>{TYPE_LABELS[type]}</option>
            ))}
          </select>
          {draft.type === "select" && (
            <input value={draft.options} onChange={(event) => change(index, { options: event.target.value })} aria-label={`Attribute ${index + 1} options`} placeholder="red, green, blue" className={`${compactField} min-w-40 flex-1`} />
          )}
          <button type="button" className={`${buttonSecondary} ${small}`} onClick={() => setDrafts((list) => list.filter((_, k) => k !== index))} aria-label={`Remove attribute ${index + 1}`}>Remove</button>
        </div>
      ))}
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <button type="button" className={`${buttonSecondary} ${small}`} disabled={drafts.length >= MAX_ATTRIBUTES_PER_CLASS} onClick={() => setDrafts((list) => [...list, { name: "", type: "checkbox", options: "" }])}>Add attribute</button>
        <button type="button" className={`${buttonPrimary} ${small}`} disabled={pending} onClick={save}>Save attributes</button>
        <button type="button" className={`${buttonSecondary} ${small}`} onClick={props.onDone}>Cancel</button>
      </div>
    </div>
  );
}
