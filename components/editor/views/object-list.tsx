"use client";
// The image's objects, topmost first: select, hide, relabel, clean up,
// split, reorder, delete, each object's save state, and its label's attributes.
import { foregroundCount } from "../core/sync-diff";
import type { EditorObject } from "../core/types";
import type { ObjectSyncState } from "../sync/sync-engine";
import type { AttributeValues, LabelAttribute } from "@/lib/schemas/label-attributes";
import { objectColor, rgbCss } from "./colors";
import { ObjectAttributes } from "./object-attributes";

export interface ObjectListActions {
  select: (id: string) => void;
  relabel: (id: string, labelClassId: string | null) => void;
  setAttributes: (id: string, values: AttributeValues) => void;
  toggleHidden: (id: string) => void;
  move: (id: string, direction: 1 | -1) => void;
  cleanUp: (id: string) => void;
  split: (id: string) => void;
  remove: (id: string) => void;
}

const STATUS: Record<ObjectSyncState["state"] | "saved", { text: string; className: string }> = {
  saved: { text: "saved", className: "text-emerald-700" },
  pending: { text: "unsaved", className: "text-amber-700" },
  saving: { text: "saving…", className: "text-sky-700" },
  retrying: { text: "retrying", className: "text-amber-700" },
  conflict: { text: "conflict", className: "font-semibold text-red-700" },
  blocked: { text: "not saved", className: "font-semibold text-red-700" },
};

export function ObjectList({
  objects,
  labels,
  selectedId,
  syncStates,
  editable,
  actions,
}: {
  objects: readonly EditorObject[];
  labels: readonly { id: string; name: string; color: string; attributes?: readonly LabelAttribute[] }[];
  selectedId: string | null;
  syncStates: ReadonlyMap<string, ObjectSyncState>;
  editable: boolean;
  actions: ObjectListActions;
}) {
  if (objects.length === 0) {
    return (
      <p className="text-xs text-slate-500" data-testid="object-list-empty">
        {editable ? "No objects yet. Click an object in the image, then press Enter." : "No objects on this image yet."}
      </p>
    );
  }
  const topFirst = [...objects].reverse();
  return (
    <ul className="space-y-1" data-testid="object-list" aria-label="Objects">
      {topFirst.map((object, index) => {
        const selected = object.id === selectedId;
        const status = STATUS[syncStates.get(object.id)?.state ?? (object.version > 0 ? "saved" : "pending")];
        const color = objectColor({ objectId: object.id, labelClassId: object.labelClassId, labels });
        return (
          <li
            key={object.id}
            data-testid="object-row"
            data-object-id={object.id}
            data-version={object.version}
            data-area={foregroundCount(object.mask)}
            data-selected={selected ? "true" : "false"}
            data-hidden={object.hidden ? "true" : "false"}
            className={`rounded-md border px-2 py-1.5 text-xs ${selected ? "border-brand-500 bg-brand-50" : "border-slate-200 bg-white"} ${object.hidden ? "opacity-60" : ""}`}
          >
            <div className="flex items-center gap-2">
              <button type="button" className="flex min-w-0 flex-1 items-center gap-2 text-left" onClick={() => actions.select(object.id)} aria-label={`Select object ${index + 1}`}>
                <span className="h-3 w-3 shrink-0 rounded-sm border border-slate-400" style={{ backgroundColor: rgbCss(color) }} />
                <span className="truncate font-medium text-slate-800">#{objects.length - index}</span>
                <span className="tabular-nums text-slate-500">{foregroundCount(object.mask)} px</span>
              </button>
              <span className={status.className} data-testid="object-status">{status.text}</span>
            </div>
            <div className="mt-1 flex items-center gap-1">
              <select
                aria-label="Label"
                className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
                value={object.labelClassId ?? ""}
                disabled={!editable}
                onChange={(event) => actions.relabel(object.id, event.target.value || null)}
              >
                <option value="">(no label)</option>
                {labels.map((label) => (
                  <option key={label.id} value={label.id}>
                    {label.name}
                  </option>
                ))}
              </select>
              <IconButton label={object.hidden ? "Show" : "Hide"} onClick={() => actions.toggleHidden(object.id)}>{object.hidden ? "◌" : "●"}</IconButton>
              <IconButton label="Clean up mask (R)" disabled={!editable} onClick={() => actions.cleanUp(object.id)}>✧</IconButton>
              <IconButton label="Split into parts (X)" disabled={!editable} onClick={() => actions.split(object.id)}>⋔</IconButton>
              <IconButton label="Move up" disabled={!editable || index === 0} onClick={() => actions.move(object.id, 1)}>↑</IconButton>
              <IconButton label="Move down" disabled={!editable || index === topFirst.length - 1} onClick={() => actions.move(object.id, -1)}>↓</IconButton>
              <IconButton label="Delete" disabled={!editable} onClick={() => actions.remove(object.id)}>✕</IconButton>
            </div>
            <ObjectAttributes
              definitions={labels.find((label) => label.id === object.labelClassId)?.attributes ?? []}
              values={object.attributes ?? {}}
              expanded={selected}
              editable={editable}
              onChange={(values) => actions.setAttributes(object.id, values)}
            />
          </li>
        );
      })}
    </ul>
  );
}

function IconButton({ label, disabled, onClick, children }: { label: string; disabled?: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="h-6 w-6 rounded border border-slate-200 text-slate-600 hover:bg-slate-100 disabled:opacity-40"
    >
      {children}
    </button>
  );
}
