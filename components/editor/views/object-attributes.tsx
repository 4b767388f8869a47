"use client";
// An object's attribute values (its label class defines which): editable
// controls under the selected object, a one-line summary under the others.
// Text and number fields commit on Enter or leaving the field, so typing is
// one undo step, not one per key.
import { useState } from "react";
import { describeAttributeValues, type AttributeValues, type LabelAttribute } from "@/lib/schemas/label-attributes";

const field = "min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs";

function CommitOnBlur(props: { type: "text" | "number"; label: string; value: string; disabled: boolean; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== props.value) props.onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      type={props.type}
      aria-label={props.label}
      className={field}
      value={draft ?? props.value}
      disabled={props.disabled}
      maxLength={props.type === "text" ? 200 : undefined}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") event.currentTarget.blur();
        if (event.key === "Escape") setDraft(null);
      }}
    />
  );
}

export function ObjectAttributes(props: { definitions: readonly LabelAttribute[]; values: AttributeValues; expanded: boolean; editable: boolean; onChange: (values: AttributeValues) => void }) {
  const { definitions, values } = props;
  if (definitions.length === 0) return null;
  const shown: AttributeValues = {};
  for (const definition of definitions) if (values[definition.name] !== undefined) shown[definition.name] = values[definition.name] as AttributeValues[string];
  if (!props.expanded) {
    const summary = describeAttributeValues(shown);
    return summary ? <p className="mt-1 truncate text-[11px] text-slate-500" data-testid="object-attribute-summary">{summary}</p> : null;
  }
  const set = (name: string, value: AttributeValues[string] | undefined) => {
    const next = { ...shown };
    if (value === undefined) delete next[name];
    else next[name] = value;
    props.onChange(next);
  };
  return (
    <div className="mt-1.5 space-y-1 border-t border-slate-200 pt-1.5" data-testid="object-attributes">
      {definitions.map((definition) => {
        const value = shown[definition.name];
        const label = `Attribute ${definition.name}`;
        return (
          <label key={definition.name} className="flex items-center gap-2 text-[11px] text-slate-600">
            <span className="w-20 shrink-0 truncate" title={definition.name}>{definition.name}</span>
            {definition.type === "checkbox" && (
              <input
                type="checkbox"
                aria-label={label}
                checked={value === true}
                disabled={!props.editable}
                onChange={(event) => {
                  set(definition.name, event.target.checked);
                  // Focus back to the editor: its keys (Ctrl+Z, tools) must keep working.
                  event.currentTarget.blur();
                }}
              />
            )}
            {definition.type === "select" && (
              <select aria-label={label} className={field} value={typeof value === "string" ? value : ""} disabled={!props.editable} onChange={(event) => {
                  set(definition.name, event.target.value || undefined);
                  event.currentTarget.blur();
                }}
              >
                <option value="">(not set)</option>
                {definition.options.map((option) => (
                  <option key={option} value={option}>{option}</option>
                ))}
              </select>
            )}
            {definition.type === "text" && (
              <CommitOnBlur type="text" label={label} value={typeof value === "string" ? value : ""} disabled={!props.editable} onCommit={(text) => set(definition.name, text.trim() === "" ? undefined : text)} />
            )}
            {definition.type === "number" && (
              <CommitOnBlur
                type="number"
                label={label}
                value={typeof value === "number" ? String(value) : ""}
                disabled={!props.editable}
                onCommit={(text) => set(definition.name, text.trim() === "" || !Number.isFinite(Number(text)) ? undefined : Number(text))}
              />
            )}
          </label>
        );
      })}
    </div>
  );
}
