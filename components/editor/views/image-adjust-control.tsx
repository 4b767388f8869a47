"use client";
// The toolbar's "Image" menu: brightness and contrast of the displayed picture,
// with a reset. Sliders give focus back on release so the editor's keys keep working.
import { useState } from "react";
import { ADJUST_RANGE, isNeutral, NEUTRAL_ADJUST, type ImageAdjust } from "../core/image-adjust";

const SLIDERS = [
  { key: "brightness", label: "Brightness" },
  { key: "contrast", label: "Contrast" },
] as const;

export function ImageAdjustControl({ adjust, onAdjust }: { adjust: ImageAdjust; onAdjust: (change: Partial<ImageAdjust>) => void }) {
  const [open, setOpen] = useState(false);
  const changed = !isNeutral(adjust);
  return (
    <div className="relative">
      <button
        type="button"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        className={`rounded-md border px-2 py-0.5 text-sm ${changed ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-200 bg-white text-slate-700 hover:bg-slate-50"}`}
        title="Brightness and contrast of the picture (masks are not changed)"
        data-testid="image-adjust-toggle"
      >
        Image{changed ? " •" : ""}
      </button>
      {open && (
        <div className="absolute right-0 top-full z-20 mt-1 w-64 space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg" role="group" aria-label="Picture adjustments">
          {SLIDERS.map(({ key, label }) => (
            <label key={key} className="flex items-center gap-2 text-xs text-slate-600">
              <span className="w-16">{label}</span>
              <input
                type="range"
                min={ADJUST_RANGE.min}
                max={ADJUST_RANGE.max}
                step={5}
                value={adjust[key]}
                onChange={(event) => onAdjust({ [key]: Number(event.target.value) })}
                onPointerUp={(event) => event.currentTarget.blur()}
                className="flex-1 accent-brand-600"
                aria-label={label}
                data-testid={`image-${key}`}
              />
              <span className="w-10 text-right tabular-nums">{adjust[key]}%</span>
            </label>
          ))}
          <button type="button" className="text-xs text-brand-700 hover:underline disabled:text-slate-400" disabled={!changed} onClick={() => onAdjust(NEUTRAL_ADJUST)}>
            Reset
          </button>
        </div>
      )}
    </div>
  );
}
