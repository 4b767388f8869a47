// Temporary prompt state: the object being made (points, box, decoded
// candidates, or a polygon) before Enter commits it. Lives outside the
// document and the history; Esc throws it away.
import type { PromptBox, PromptPoint } from "@/lib/sam/prompt-transform";
import type { ToolName } from "@/lib/schemas/annotations";

/** One decoder answer: every candidate's low-res logits and predicted IoU. */
export interface DecodedCandidates {
  lowResSize: number;
  count: number;
  /** count x lowResSize^2 logits, row-major. */
  masks: Float32Array;
  ious: Float32Array;
  /** The candidate SAM itself picks. */
  chosenIndex: number;
  /** Low-res foreground pixels per candidate (for ordering whole / part / sub-part). */
  areas: number[];
}

export interface SmartShape {
  kind: "smart";
  points: readonly PromptPoint[];
  box: PromptBox | null;
  decoded: DecodedCandidates | null;
  /** The candidate shown and committed (index into decoded). */
  selected: number;
  /** A decode for the current prompts is on its way. */
  pending: boolean;
}

export interface PolygonShape {
  kind: "polygon";
  vertices: readonly { x: number; y: number }[];
  closed: boolean;
}

export interface DraftTelemetry {
  /** ms timestamp of the first prompt. */
  startedAt: number;
  clicks: number;
  tools: readonly ToolName[];
  modelId: string | null;
}

export interface Draft {
  shape: SmartShape | PolygonShape;
  telemetry: DraftTelemetry;
}

export interface CandidateChoice {
  index: number;
  name: "whole" | "part" | "sub-part" | "refined";
  iou: number;
  area: number;
}

export function addTool(tools: readonly ToolName[], tool: ToolName): ToolName[] {
  return tools.includes(tool) ? [...tools] : [...tools, tool];
}

function startTelemetry(now: number, tool: ToolName, modelId: string | null): DraftTelemetry {
  return { startedAt: now, clicks: 0, tools: [tool], modelId };
}

/** A smart draft with one more point (starting one when needed); the decode is pending. */
export function draftWithPoint(options: { draft: Draft | null; point: PromptPoint; now: number; modelId: string | null }): Draft {
  const { point, now, modelId } = options;
  const previous = options.draft?.shape.kind === "smart" ? options.draft : null;
  const telemetry = previous?.telemetry ?? startTelemetry(now, "smart_click", modelId);
  const shape: SmartShape = previous
    ? { ...(previous.shape as SmartShape), points: [...(previous.shape as SmartShape).points, point], pending: true }
    : { kind: "smart", points: [point], box: null, decoded: null, selected: 0, pending: true };
  return { shape, telemetry: { ...telemetry, clicks: telemetry.clicks + 1, tools: addTool(telemetry.tools, "smart_click") } };
}

/** A smart draft prompted by a box (replacing any earlier box; points are kept). */
export function draftWithBox(options: { draft: Draft | null; box: PromptBox; now: number; modelId: string | null }): Draft {
  const { box, now, modelId } = options;
  const previous = options.draft?.shape.kind === "smart" ? options.draft : null;
  const telemetry = previous?.telemetry ?? startTelemetry(now, "box", modelId);
  const points = previous ? (previous.shape as SmartShape).points : [];
  const decoded = previous ? (previous.shape as SmartShape).decoded : null;
  const selected = previous ? (previous.shape as SmartShape).selected : 0;
  return {
    shape: { kind: "smart", points, box, decoded, selected, pending: true },
    telemetry: { ...telemetry, clicks: telemetry.clicks + 1, tools: addTool(telemetry.tools, "box") },
  };
}

/** The smart draft without its last point (Ctrl+Z while prompting); null when nothing is left. */
export function draftWithoutLastPoint(draft: Draft): Draft | null {
  if (draft.shape.kind !== "smart") return null;
  const points = draft.shape.points.slice(0, -1);
  if (points.length === 0 && !draft.shape.box) return null;
  return { ...draft, shape: { ...draft.shape, points, decoded: null, selected: 0, pending: true } };
}

/** Whole / part / sub-part are offered after a single click or a lone box, as in SAM. */
export function isAmbiguousPrompt(shape: SmartShape): boolean {
  return (shape.points.length === 1 && !shape.box) || (shape.points.length === 0 && shape.box !== null);
}

/** Foreground pixels (logit > 0) of each candidate. */
export function candidateAreas(masks: Float32Array, count: number, lowResSize: number): number[] {
  const size = lowResSize * lowResSize;
  const areas: number[] = [];
  for (let c = 0; c < count; c++) {
    let area = 0;
    for (let i = c * size; i < (c + 1) * size; i++) if ((masks[i] as number) > 0) area++;
    areas.push(area);
  }
  return areas;
}

/**
 * The candidates a person can cycle through: for an ambiguous prompt with
 * the multimask decoder, SAM's three multimask outputs (1..3) largest first;
 * otherwise only the one SAM chose.
 */
export function candidateChoices(shape: SmartShape): CandidateChoice[] {
  const decoded = shape.decoded;
  if (!decoded) return [];
  const iouOf = (index: number) => decoded.ious[index] ?? Number.NaN;
  if (decoded.count < 4 || !isAmbiguousPrompt(shape)) {
    const index = decoded.chosenIndex;
    return [{ index, name: "refined", iou: iouOf(index), area: decoded.areas[index] ?? 0 }];
  }
  const names = ["whole", "part", "sub-part"] as const;
  return [1, 2, 3]
    .map((index) => ({ index, area: decoded.areas[index] ?? 0 }))
    .sort((a, b) => b.area - a.area)
    .map((c, rank) => ({ index: c.index, name: names[rank] ?? "sub-part", iou: iouOf(c.index), area: c.area }));
}

/** The draft with a decoder answer; the shown candidate is SAM's pick. */
export function draftWithDecoded(draft: Draft, decoded: Omit<DecodedCandidates, "areas">): Draft {
  if (draft.shape.kind !== "smart") return draft;
  const full: DecodedCandidates = { ...decoded, areas: candidateAreas(decoded.masks, decoded.count, decoded.lowResSize) };
  return { ...draft, shape: { ...draft.shape, decoded: full, selected: decoded.chosenIndex, pending: false } };
}

/** Shows the next candidate (whole -> part -> sub-part -> whole). */
export function draftWithNextCandidate(draft: Draft, step: 1 | -1 = 1): Draft {
  if (draft.shape.kind !== "smart") return draft;
  const choices = candidateChoices(draft.shape);
  if (choices.length < 2) return draft;
  const at = Math.max(0, choices.findIndex((c) => c.index === (draft.shape as SmartShape).selected));
  const next = choices[(at + step + choices.length) % choices.length];
  if (!next) return draft;
  return {
    shape: { ...draft.shape, selected: next.index },
    telemetry: { ...draft.telemetry, tools: addTool(draft.telemetry.tools, "multimask") },
  };
}

/** The selected candidate's logits: shown, fed back as mask input, committed. */
export function selectedLogits(shape: SmartShape): Float32Array | null {
  const decoded = shape.decoded;
  if (!decoded) return null;
  const size = decoded.lowResSize * decoded.lowResSize;
  const index = Math.min(Math.max(shape.selected, 0), decoded.count - 1);
  return decoded.masks.subarray(index * size, (index + 1) * size);
}

export function selectedIou(shape: SmartShape): number | null {
  const iou = shape.decoded?.ious[shape.selected];
  return iou === undefined || Number.isNaN(iou) ? null : iou;
}

// ---- polygon ---------------------------------------------------------------

export function polygonDraft(options: {
  draft: Draft | null;
  vertices: readonly { x: number; y: number }[];
  closed: boolean;
  addedVertex: boolean;
  now: number;
}): Draft {
  const previous = options.draft?.shape.kind === "polygon" ? options.draft : null;
  const telemetry = previous?.telemetry ?? startTelemetry(options.now, "polygon", null);
  return {
    shape: { kind: "polygon", vertices: options.vertices, closed: options.closed },
    telemetry: { ...telemetry, clicks: telemetry.clicks + (options.addedVertex ? 1 : 0), tools: addTool(telemetry.tools, "polygon") },
  };
}

/** Shows a given candidate (a click on the whole / part / sub-part buttons). */
export function draftWithCandidate(draft: Draft, index: number): Draft {
  if (draft.shape.kind !== "smart" || !draft.shape.decoded || index < 0 || index >= draft.shape.decoded.count) return draft;
  if (index === draft.shape.selected) return draft;
  return { shape: { ...draft.shape, selected: index }, telemetry: { ...draft.telemetry, tools: addTool(draft.telemetry.tools, "multimask") } };
}
