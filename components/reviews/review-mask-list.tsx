"use client";
// The reviewer's list of the image's masks: label, where each came from, size,
// and the clicks / seconds its annotator spent. Hovering a row highlights that
// mask on the image; the controls show or hide the masks and set their opacity,
// to compare the outlines with the bare picture. An image handed in again
// after a rejection says what changed since, and marks the new and changed masks.
import { describeAttributeValues } from "@/lib/schemas/label-attributes";
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { describeEffort } from "./review-mask-summary";
import type { Resubmission } from "@/lib/schemas/hand-in-quality";

type Label = { id: string; name: string; color: string };

const SOURCE_NOTE: Record<AnnotationDto["source"], string | null> = { manual: null, prefill: "pre-filled", import: "imported" };

const CHANGE_BADGE: Record<"new" | "changed", string> = { new: "bg-emerald-50 text-emerald-800", changed: "bg-violet-50 text-violet-800" };

function ResubmissionNote({ resubmission }: { resubmission: Resubmission }) {
  const parts = [`${resubmission.added} added`, `${resubmission.changed} changed`, `${resubmission.removed} removed`, `${resubmission.unchanged} as before`];
  return (
    <p className="rounded-md bg-violet-50 px-2.5 py-1.5 text-xs text-violet-900" data-testid="review-resubmission">
      Handed in again after it was sent back: {parts.join(", ")}.
    </p>
  );
}

export function ReviewMaskList(props: {
  annotations: readonly AnnotationDto[];
  /** Set when the image was handed in again after a rejection. */
  resubmission?: Resubmission | null;
  labels: readonly Label[];
  highlightId: string | null;
  onHighlight: (id: string | null) => void;
  visible: boolean;
  onVisible: (visible: boolean) => void;
  opacity: number;
  onOpacity: (opacity: number) => void;
}) {
  const labelOf = (id: string | null) => props.labels.find((label) => label.id === id) ?? null;
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label="Masks" data-testid="review-mask-list">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-medium">Masks ({props.annotations.length})</h2>
        <label className="flex items-center gap-1.5 text-xs text-slate-600">
          <input type="checkbox" checked={props.visible} onChange={(event) => props.onVisible(event.target.checked)} data-testid="review-masks-visible" />
          Show
        </label>
      </div>
      <label className="flex items-center gap-2 text-xs text-slate-600">
        Fill
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={props.opacity}
          disabled={!props.visible}
          onChange={(event) => props.onOpacity(Number(event.target.value))}
          className="flex-1 accent-brand-600"
          aria-label="Mask fill opacity"
          data-testid="review-mask-opacity"
        />
        <span className="w-8 text-right tabular-nums">{Math.round(props.opacity * 100)}%</span>
      </label>
      {props.resubmission && <ResubmissionNote resubmission={props.resubmission} />}
      {props.annotations.length === 0 ? (
        <p className="text-sm text-slate-500">No masks on this image.</p>
      ) : (
        <ul className="max-h-72 space-y-1 overflow-y-auto" onMouseLeave={() => props.onHighlight(null)}>
          {props.annotations.map((annotation, index) => {
            const label = labelOf(annotation.labelClassId);
            const note = SOURCE_NOTE[annotation.source];
            const effort = describeEffort(annotation.telemetry);
            const change = props.resubmission?.statusById[annotation.id];
            return (
              <li
                key={annotation.id}
                onMouseEnter={() => props.onHighlight(annotation.id)}
                className={`flex items-center gap-2 rounded px-2 py-1 text-xs ${props.highlightId === annotation.id ? "bg-sky-50" : ""}`}
                data-testid="review-mask-row"
              >
                <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ backgroundColor: label?.color ?? "#06b6d4" }} />
                <span className="text-slate-400">#{index + 1}</span>
                <span className={label ? "text-slate-800" : "text-amber-700"}>{label?.name ?? "no label"}</span>
                {note && <span className="rounded bg-amber-50 px-1 text-amber-800">{note}</span>}
                {change && (
                  <span
                    className={`shrink-0 rounded px-1 ${CHANGE_BADGE[change]}`}
                    title={change === "new" ? "Not in the hand-in that was sent back" : "Reshaped or relabelled since the hand-in that was sent back"}
                    data-testid="review-mask-change"
                    data-change={change}
                  >
                    {change}
                  </span>
                )}
                {Object.keys(annotation.attributes).length > 0 && (
                  <span className="min-w-0 truncate text-slate-500" title={describeAttributeValues(annotation.attributes)} data-testid="review-mask-attributes">
                    {describeAttributeValues(annotation.attributes)}
                  </span>
                )}
                <span className="ml-auto text-right tabular-nums text-slate-500">
                  {annotation.area.toLocaleString("en")} px{effort ? ` · ${effort}` : ""}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
