"use client";

import { useState } from "react";
import { EXPORT_SPLIT_PARTS, type ExportSplit, type ExportSplitPart } from "@/lib/schemas/exports";

const PART_LABELS: Record<ExportSplitPart, string> = { train: "Train %", val: "Val %", test: "Test %" };
const DEFAULT_SPLIT: Record<ExportSplitPart, string> = { train: "70", val: "20", test: "10" };
const numberField =
  "block w-20 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

export type SplitChoice = { enabled: false } | { enabled: true; split: ExportSplit; problem: string | null };

/** What the fields hold, with the first thing wrong (the server checks the same rules). */
function readChoice(enabled: boolean, values: Record<ExportSplitPart, string>, seed: string, keepNearDuplicatesTogether: boolean): SplitChoice {
  if (!enabled) return { enabled: false };
  const numbers = Object.fromEntries(EXPORT_SPLIT_PARTS.map((part) => [part, Number(values[part] || "0")])) as Record<ExportSplitPart, number>;
  const split: ExportSplit = { ...numbers, seed: Number(seed || "0"), keepNearDuplicatesTogether };
  const total = numbers.train + numbers.val + numbers.test;
  const problem = EXPORT_SPLIT_PARTS.some((part) => !Number.isInteger(numbers[part]) || numbers[part] < 0)
    ? "Use whole percentages from 0 to 100."
    : total !== 100
      ? `The parts add up to ${total}%, not 100%.`
      : EXPORT_SPLIT_PARTS.filter((part) => numbers[part] > 0).length < 2
        ? "A split needs at least two parts above 0%."
        : null;
  return { enabled: true, split, problem };
}

/**
 * "Split into train / val / test": off by default; when on, three whole
 * percentages, a seed and whether near-duplicate pictures stay in one part.
 * The parent reads the choice through onChange.
 */
export function ExportSplitFields({ onChange }: { onChange: (choice: SplitChoice) => void }) {
  const [enabled, setEnabled] = useState(false);
  const [values, setValues] = useState(DEFAULT_SPLIT);
  const [seed, setSeed] = useState("0");
  const [together, setTogether] = useState(false);
  const choice = readChoice(enabled, values, seed, together);

  const update = (next: { enabled?: boolean; values?: Record<ExportSplitPart, string>; seed?: string; together?: boolean }) => {
    const nextEnabled = next.enabled ?? enabled;
    const nextValues = next.values ?? values;
    const nextSeed = next.seed ?? seed;
    const nextTogether = next.together ?? together;
    setEnabled(nextEnabled);
    setValues(nextValues);
    setSeed(nextSeed);
    setTogether(nextTogether);
    onChange(readChoice(nextEnabled, nextValues, nextSeed, nextTogether));
  };

  return (
    <fieldset className="space-y-2">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={enabled} onChange={(event) => update({ enabled: event.target.checked })} className="rounded border-slate-300" />
        Split into train / val / test folders
      </label>
      {enabled && (
        <div className="ml-6 space-y-1.5">
          <div className="flex flex-wrap items-end gap-3">
            {EXPORT_SPLIT_PARTS.map((part) => (
              <label key={part} className="text-xs font-medium text-slate-600">
                {PART_LABELS[part]}
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  value={values[part]}
                  onChange={(event) => update({ values: { ...values, [part]: event.target.value } })}
                  className={numberField}
                />
              </label>
            ))}
            <label className="text-xs font-medium text-slate-600">
              Seed
              <input type="number" min={0} step={1} value={seed} onChange={(event) => update({ seed: event.target.value })} className={numberField} />
            </label>
          </div>
          <label className="flex items-center gap-2 text-xs text-slate-700">
            <input type="checkbox" checked={together} onChange={(event) => update({ together: event.target.checked })} className="rounded border-slate-300" data-testid="split-near-duplicates" />
            Keep near-duplicate pictures in the same part (no copy of a test picture in train; part sizes may then move by a few images)
          </label>
          {choice.enabled && choice.problem ? (
            <p className="text-xs text-red-700" role="alert">{choice.problem}</p>
          ) : (
            <p className="text-xs text-slate-500">
              Images are shuffled by the seed, not by import order; the same seed over the same images gives the same split.
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
