"use client";
// Label classes with their number keys; the active one labels new objects,
// and picking one relabels the selected object.
import { rgbCss, parseHexColor } from "./colors";

export function LabelPicker({
  labels,
  activeLabelId,
  onPick,
}: {
  labels: readonly { id: string; name: string; color: string }[];
  activeLabelId: string | null;
  onPick: (index: number) => void;
}) {
  if (labels.length === 0) {
    return <p className="text-xs text-slate-500">This project has no label classes yet; objects are saved unlabelled.</p>;
  }
  return (
    <ul className="space-y-1" data-testid="label-picker" aria-label="Label classes">
      {labels.map((label, index) => {
        const active = label.id === activeLabelId;
        const color = parseHexColor(label.color);
        return (
          <li key={label.id}>
            <button
              type="button"
              onClick={() => onPick(index)}
              aria-pressed={active}
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
    </ul>
  );
}
