"use client";
// The pending pre-filled masks, listed apart from the person's own objects:
// accept all (Shift+A), show/hide the layer (Shift+H), and per mask: select,
// accept, label (which accepts it), delete. Correcting is painting on a
// selected one (brush, eraser, Shift/Alt+Enter).
import { foregroundCount } from "../core/sync-diff";
import type { EditorObject } from "../core/types";
import type { ObjectSyncState } from "../sync/sync-engine";
import { objectColor, rgbCss } from "./colors";

export interface PrefillListActions {
  select: (id: string) => void;
  accept: (ids: readonly string[] | "all") => void;
  relabel: (id: string, labelClassId: string) => void;
  remove: (id: string) => void;
  toggleLayer: () => void;
}

const small = "rounded border px-1.5 py-0.5 text-xs disabled:opacity-40";

export function PrefillList({
  prefills,
  labels,
  selectedId,
  syncStates,
  editable,
  layerVisible,
  actions,
}: {
  /** Pending pre-fills, bottom first (document order). */
  prefills: readonly EditorObject[];
  labels: readonly { id: string; name: string; color: string }[];
  selectedId: string | null;
  syncStates: ReadonlyMap<string, ObjectSyncState>;
  editable: boolean;
  layerVisible: boolean;
  actions: PrefillListActions;
}) {
  // Most confident first (ties: topmost first), so the surest ones are judged first; P1 is the top of the list.
  const ranked = [...prefills].reverse().sort((a, b) => (b.proposalScore ?? -1) - (a.proposalScore ?? -1));
  return (
    <section data-testid="prefill-section" data-count={prefills.length} data-layer-visible={layerVisible ? "true" : "false"}>
      <div className="mb-1.5 flex items-center gap-1.5">
        <h2 className="flex-1 text-xs font-semibold uppercase tracking-wide text-amber-700">Pre-filled ({prefills.length})</h2>
        <button
          type="button"
          className={`${small} border-slate-200 text-slate-600 hover:bg-slate-100`}
          onClick={actions.toggleLayer}
          aria-pressed={!layerVisible}
          title="Show or hide the pre-filled layer (Shift+H)"
          data-testid="prefill-layer-toggle"
        >
          {layerVisible ? "Hide" : "Show"}
        </button>
        <button
          type="button"
          className={`${small} border-amber-400 bg-amber-50 font-medium text-amber-800 hover:bg-amber-100`}
          disabled={!editable || prefills.length === 0 || labels.length === 0}
          onClick={() => actions.accept("all")}
          title={labels.length === 0 ? "Add a label class to the project first" : "Accept all with the current label (Shift+A)"}
          data-testid="prefill-accept-all"
        >
          Accept all
        </button>
      </div>
      <p className="mb-1.5 text-[11px] text-slate-500">Proposed by the model. Accept (A), delete, or paint on one to correct it.</p>
      <ul className={`space-y-1 ${layerVisible ? "" : "opacity-50"}`} aria-label="Pre-filled masks">
        {ranked.map((object, index) => {
          const selected = object.id === selectedId;
          const color = objectColor({ objectId: object.id, labelClassId: null, labels });
          const sync = syncStates.get(object.id)?.state;
          return (
            <li
              key={object.id}
              data-testid="prefill-row"
              data-object-id={object.id}
              data-selected={selected ? "true" : "false"}
              className={`rounded-md border border-dashed px-2 py-1.5 text-xs ${selected ? "border-amber-500 bg-amber-50" : "border-amber-300 bg-white"}`}
            >
              <div className="flex items-center gap-2">
                <button
                  type="button"
                  className="flex min-w-0 flex-1 items-center gap-2 text-left"
                  disabled={!layerVisible}
                  onClick={() => actions.select(object.id)}
                  aria-label={`Select pre-filled mask ${index + 1}`}
                >
                  <span
                    className="h-3 w-3 shrink-0 rounded-sm border border-dashed border-slate-500"
                    style={{ background: `repeating-linear-gradient(45deg, ${rgbCss(color)} 0 2px, ${rgbCss(color, 0.25)} 2px 5px)` }}
                  />
                  <span className="font-medium text-slate-800">P{index + 1}</span>
                  <span className="tabular-nums text-slate-500" data-testid="prefill-score" title="Confidence: detector score × SAM's predicted IoU × stability (point grid: predicted IoU)">
                    {object.proposalScore != null ? `score ${object.proposalScore.toFixed(2)}` : "score –"}
                  </span>
                  <span className="tabular-nums text-slate-400">{foregroundCount(object.mask)} px</span>
                </button>
                {sync && sync !== "pending" && sync !== "saving" && <span className="font-semibold text-red-700">{sync}</span>}
              </div>
              <div className="mt-1 flex items-center gap-1">
                <select
                  aria-label="Accept with label"
                  className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
                  value=""
                  disabled={!editable}
                  onChange={(event) => event.target.value && actions.relabel(object.id, event.target.value)}
                >
                  <option value="">Accept as…</option>
                  {labels.map((label) => (
                    <option key={label.id} value={label.id}>
                      {label.name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  aria-label="Accept"
                  title="Accept with the current label (A)"
                  disabled={!editable || labels.length === 0}
                  onClick={() => actions.accept([object.id])}
                  className="h-6 w-6 rounded border border-emerald-300 text-emerald-700 hover:bg-emerald-50 disabled:opacity-40"
                  data-testid="prefill-accept"
                >
                  ✓
                </button>
                <button
                  type="button"
                  aria-label="Delete"
                  title="Delete (Delete)"
                  disabled={!editable}
                  onClick={() => actions.remove(object.id)}
                  className="h-6 w-6 rounded border border-slate-200 text-slate-600 hover:bg-slate-100 disabled:opacity-40"
                  data-testid="prefill-delete"
                >
                  ✕
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
