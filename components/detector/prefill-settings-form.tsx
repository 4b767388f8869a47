"use client";
// Pre-fill and training settings of the project (PATCH
// /api/projects/:id/detector/settings). Only changed fields are sent; the
// server validates ranges (lib/schemas/detector) and names a bad field.
// "Proposals from" also offers the ONNX detectors dropped into
// models/detectors/ (GET /api/projects/:id/detector/onnx).
import { useParams } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { onnxDetectorName, type DetectorSettings, type PrefillSettings, type UpdateDetectorSettingsInput } from "@/lib/schemas/detector";
import { buttonPrimary, inputField, labelText } from "@/components/ui/button-styles";
import { FormError, FormSuccess } from "@/components/ui/form-message";

type Settings = { prefill: PrefillSettings; detector: DetectorSettings };
type Section = keyof Settings;

interface Field {
  section: Section;
  key: string;
  label: string;
  help?: string;
  /** A select's options (value, label); otherwise a number input. */
  options?: readonly (readonly [string, string])[];
  /** An on/off select whose value is sent as a boolean. */
  boolean?: boolean;
  step?: number;
  advanced?: boolean;
}

const ON_OFF = [
  ["true", "On"],
  ["false", "Off"],
] as const;

const FIELDS: readonly Field[] = [
  {
    section: "prefill",
    key: "autoPrefill",
    label: "Pre-fill by itself",
    help: "New images once encoded, and unstarted images when a version is activated.",
    options: [
      ["detector", "While a detector is active"],
      ["always", "Always (point grid without a detector)"],
      ["off", "Never (only the button above)"],
    ],
  },
  {
    section: "prefill",
    key: "source",
    label: "Proposals from",
    options: [
      ["auto", "Active detector, else point grid"],
      ["detector", "Active detector only"],
      ["grid", "SAM point grid only"],
    ],
  },
  { section: "prefill", key: "minPredictedIou", label: "Min. predicted IoU (grid)", step: 0.01, help: "SAM's own quality estimate; the paper keeps ≥ 0.88." },
  { section: "prefill", key: "minStability", label: "Min. stability (grid)", step: 0.01 },
  { section: "prefill", key: "boxMinPredictedIou", label: "Min. predicted IoU (detector boxes)", step: 0.01, help: "Lower: the trained detector already vouches for the object." },
  { section: "prefill", key: "boxMinStability", label: "Min. stability (detector boxes)", step: 0.01 },
  { section: "prefill", key: "minBoxConfidence", label: "Min. box confidence", step: 0.01, help: "Detector score × predicted IoU × stability; raise it for fewer, surer masks." },
  { section: "prefill", key: "minDetectorScore", label: "Min. detector score", step: 0.01 },
  {
    section: "prefill",
    key: "refitBox",
    label: "Refit detector boxes",
    help: "Segment again with the first mask's own box: detector boxes are often loose. Two more decodes per kept box.",
    options: ON_OFF,
    boolean: true,
  },
  { section: "prefill", key: "topK", label: "Boxes per image (top-K)", step: 1 },
  { section: "detector", key: "autoTrainAfterAcceptedImages", label: "Retrain after accepted images", step: 1, help: "0 = only by hand." },
  { section: "detector", key: "epochs", label: "Training epochs", step: 1 },
  { section: "prefill", key: "gridSize", label: "Point grid side", step: 1, advanced: true },
  { section: "prefill", key: "boxNmsIou", label: "Box NMS IoU", step: 0.01, advanced: true },
  { section: "prefill", key: "minBoxAgreement", label: "Min. mask/box agreement", step: 0.01, advanced: true },
  { section: "prefill", key: "maskNmsIou", label: "Mask NMS IoU", step: 0.01, advanced: true },
  { section: "prefill", key: "maxImageCoverage", label: "Max. image coverage", step: 0.01, advanced: true },
  { section: "prefill", key: "minRegionArea", label: "Min. region area (px)", step: 1, advanced: true },
  { section: "detector", key: "heldOutFraction", label: "Held-out fraction", step: 0.05, advanced: true },
  { section: "detector", key: "maxTrainingSeconds", label: "Max. training seconds", step: 10, advanced: true },
];

const fieldId = (field: Field) => `detector-setting-${field.key}`;

function initialValues(settings: Settings): Record<string, string> {
  return Object.fromEntries(FIELDS.map((field) => [field.key, String((settings[field.section] as unknown as Record<string, unknown>)[field.key])]));
}

type Options = readonly (readonly [string, string])[];

/** The ONNX detectors on the server, [] until loaded or if the list cannot be read (the built-in sources still work). */
function useOnnxDetectorNames(): string[] {
  const { projectId } = useParams<{ projectId: string }>();
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void fetch(`/api/projects/${projectId}/detector/onnx`, { cache: "no-store" })
      .then(async (response) => (response.ok ? ((await response.json()) as { detectors: { name: string }[] }).detectors.map((detector) => detector.name) : []))
      .catch(() => [])
      .then((found) => {
        if (live) setNames(found);
      });
    return () => {
      live = false;
    };
  }, [projectId]);
  return names;
}

/** The source select's options plus one per ONNX detector; a selected one whose file is gone stays visible, marked. */
function sourceOptions(base: Options, names: readonly string[], current: string): Options {
  const extra: (readonly [string, string])[] = names.map((name) => [`onnx:${name}`, `ONNX detector: ${name}`]);
  const selected = onnxDetectorName(current);
  if (selected !== null && !names.includes(selected)) extra.push([current, `ONNX detector: ${selected} (file missing)`]);
  return [...base, ...extra];
}

function FieldInput({ field, value, onChange, options = field.options }: { field: Field; value: string; onChange: (value: string) => void; options?: Options }) {
  return (
    <div>
      <label htmlFor={fieldId(field)} className={labelText}>
        {field.label}
      </label>
      {options ? (
        <select id={fieldId(field)} className={inputField} value={value} onChange={(event) => onChange(event.target.value)}>
          {options.map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
      ) : (
        <input id={fieldId(field)} className={inputField} type="number" inputMode="decimal" step={field.step} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
      {field.help && <p className="mt-1 text-xs text-slate-500">{field.help}</p>}
    </div>
  );
}

export function PrefillSettingsForm(props: { settings: Settings; onSave: (input: UpdateDetectorSettingsInput) => Promise<{ data: Settings } | { error: string }> }) {
  const [saved, setSaved] = useState(() => initialValues(props.settings));
  const [values, setValues] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const changed = FIELDS.filter((field) => values[field.key] !== saved[field.key]);
  const onnxNames = useOnnxDetectorNames();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMessage(null);
    const input: { prefill: Record<string, unknown>; detector: Record<string, unknown> } = { prefill: {}, detector: {} };
    for (const field of changed) {
      const raw = values[field.key]?.trim() ?? "";
      const value = field.boolean ? raw === "true" : field.options ? raw : Number(raw);
      if (typeof value === "number" && (raw === "" || !Number.isFinite(value))) {
        setError(`${field.label}: enter a number.`);
        return;
      }
      input[field.section][field.key] = value;
    }
    setPending(true);
    const result = await props.onSave(input as UpdateDetectorSettingsInput);
    setPending(false);
    if ("error" in result) {
      setError(result.error);
      return;
    }
    const fresh = initialValues(result.data);
    setSaved(fresh);
    setValues(fresh);
    setMessage("Settings saved.");
  }

  const render = (field: Field) => (
    <FieldInput
      key={field.key}
      field={field}
      value={values[field.key] ?? ""}
      options={field.key === "source" && field.options ? sourceOptions(field.options, onnxNames, values[field.key] ?? "") : field.options}
      onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
    />
  );
  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" aria-label="Pre-fill settings">
      <div className="space-y-3">{FIELDS.filter((field) => !field.advanced && field.options).map(render)}</div>
      <div className="grid grid-cols-2 gap-3">{FIELDS.filter((field) => !field.advanced && !field.options).map(render)}</div>
      <details className="rounded-md border border-slate-200 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">More settings</summary>
        <div className="mt-3 grid grid-cols-2 gap-3">{FIELDS.filter((field) => field.advanced).map(render)}</div>
      </details>
      <FormError message={error} />
      <FormSuccess message={message} />
      <button type="submit" className={buttonPrimary} disabled={pending || changed.length === 0}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
