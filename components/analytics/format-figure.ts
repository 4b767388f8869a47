// How the analytics figures read on the page: a missing figure is a dash
// rather than 0 (no masks is not zero seconds per mask), big counts get
// thousands separators, hours under one read as minutes.
export function figure(value: number | null, unit = ""): string {
  if (value === null) return "—";
  return `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })}${unit}`;
}

export function duration(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${figure(Math.round(hours * 10) / 10)} h`;
  return `${figure(Math.round((hours / 24) * 10) / 10)} days`;
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : "—";
}

/** A share already divided out (0..1), as a whole percentage; null is a dash. */
export function rate(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

/** What the editor's telemetry names mean to a manager. */
export const TOOL_LABELS: Record<string, string> = {
  smart_click: "Click prompts",
  box: "Box prompt",
  multimask: "Picked another candidate",
  hover: "Hover preview",
  brush: "Brush",
  eraser: "Eraser",
  polygon: "Polygon",
  merge: "Merge",
  subtract: "Subtract",
  cleanup: "Clean up",
  split: "Split into parts",
  paste: "Pasted from another image",
};
