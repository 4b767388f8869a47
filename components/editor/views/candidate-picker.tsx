"use client";
// The whole / part / sub-part choice after a single click, with SAM's
// predicted IoU for each; C cycles.
import { candidateChoices, type SmartShape } from "../core/draft";

export function CandidatePicker({ shape, onPick }: { shape: SmartShape; onPick: (index: number) => void }) {
  const choices = candidateChoices(shape);
  if (shape.pending && !shape.decoded) return <p className="text-xs text-slate-500">Decoding…</p>;
  if (choices.length === 0) return null;
  return (
    <div className="space-y-1" data-testid="candidate-picker">
      <div className="flex gap-1">
        {choices.map((choice) => {
          const active = choice.index === shape.selected;
          return (
            <button
              key={choice.index}
              type="button"
              onClick={() => onPick(choice.index)}
              aria-pressed={active}
              data-testid="candidate-option"
              data-active={active ? "true" : "false"}
              data-candidate={choice.name}
              className={`flex-1 rounded-md border px-2 py-1 text-xs ${active ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-200 text-slate-600 hover:bg-slate-50"}`}
            >
              <span className="block font-medium capitalize">{choice.name}</span>
              <span className="block tabular-nums" data-testid="candidate-iou">IoU {Number.isFinite(choice.iou) ? choice.iou.toFixed(2) : "–"}</span>
            </button>
          );
        })}
      </div>
      {choices.length > 1 && <p className="text-[11px] text-slate-500">C cycles the candidates · Enter commits · Esc discards</p>}
    </div>
  );
}
