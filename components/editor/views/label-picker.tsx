"use client";
// Label classes with their number keys; the active one labels new objects,
// and picking one relabels the selected object. With more classes than
// number keys a search box appears (L focuses it, Enter picks the first match).
// A class's description shows on hover and under the list for the active one.
import { useEffect, useRef, useState } from "react";
import { filterLabels } from "../core/filter-labels";
import { rgbCss, parseHexColor } from "./colors";
import { isTextField } from "@/components/ui/is-text-field";

/** 1-9 and 0 reach ten classes; past that, typing is quicker than scrolling. */
const SEARCH_FROM = 11;

export function LabelPicker({
  labels,
  activeLabelId,
  onPick,
}: {
  labels: readonly { id: string; name: string; color: string; description?: string }[];
  activeLabelId: string | null;
  onPick: (index: number) => void;
}) {
  const [query, setQuery] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);
  const searchable = labels.length >= SEARCH_FROM;
  useEffect(() => {
    if (!searchable) return;
    const onKey = (event: KeyboardEvent) => {
      if (isTextField(event.target)) return;
      if (event.key.toLowerCase() !== "l" || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [searchable]);
  if (labels.length === 0) {
    return <p className="text-xs text-slate-500">This project has no label classes yet; objects are saved unlabelled.</p>;
  }
  const shown = filterLabels(labels, searchable ? query : "");
  const activeLabel = labels.find((label) => label.id === activeLabelId);
  const done = (input: HTMLInputElement) => {
    setQuery("");
    // Back to the editor's keys (they ignore a focused text field).
    input.blur();
  };
  return (
    <div className="space-y-1.5">
      {searchable && (
        <input
          ref={searchRef}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && shown[0]) {
              event.preventDefault();
              onPick(shown[0].index);
              done(event.currentTarget);
            } else if (event.key === "Escape") {
              done(event.currentTarget);
            }
          }}
          placeholder="Find a label (L)"
          aria-label="Find a label"
          className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
          data-testid="label-search"
        />
      )}
      <ul className="max-h-72 space-y-1 overflow-y-auto" data-testid="label-picker" aria-label="Label classes">
        {shown.map(({ label, index }) => {
          const active = label.id === activeLabelId;
          const color = parseHexColor(label.color);
          return (
            <li key={label.id}>
              <button
                type="button"
                onClick={() => onPick(index)}
                aria-pressed={active}
                title={label.description || undefined}
                data-testid="label-option"
                data-active={active ? "true" : "false"}
                className={`flex w-full items-center gap-2 rounded-md px-2 py-1 text-left text-sm ${active ? "bg-brand-50 font-medium text-brand-700 ring-1 ring-brand-500" : "text-slate-700 hover:bg-slate-50"}`}
              >
                <span className="h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: color ? rgbCss(color) : label.color }} />
                <span className="flex-1 truncate">{label.name}</span>
                {index < 10 && <kbd className="rounded border border-slate-300 px-1 text-[10px] text-slate-500">{index === 9 ? 0 : index + 1}</kbd>}
              </button>
            </li>
          );
        })}
        {shown.length === 0 && <li className="px-2 text-xs text-slate-500">No label matches “{query}”.</li>}
      </ul>
      {activeLabel?.description && (
        <p className="px-1 text-xs text-slate-600" data-testid="active-label-description">
          <span className="font-medium">{activeLabel.name}</span>: {activeLabel.description}
        </p>
      )}
    </div>
  );
}
