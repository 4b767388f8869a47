// The editor's document model. Pure data: no React, no Konva, no DOM.
//
// Masks are immutable values by convention: an edit makes a new BinaryMask
// and never writes into one the document holds, so undo can keep the old
// one, views can cache renders by reference, and sync can compare by
// reference before comparing pixels.
import type { BinaryMask } from "@/lib/mask";
import type { AnnotationPrompt, ToolName } from "@/lib/schemas/annotations";
import type { AttributeValues } from "@/lib/schemas/label-attributes";

export type AnnotationSource = "manual" | "prefill" | "import";

/** What the SAM paper reports per mask; values for the object so far (edits accumulate). */
export interface ObjectTelemetry {
  /** Seconds from the first prompt to the commit, summed over editing sessions. */
  secondsSpent: number;
  /** Prompt clicks, brush/eraser strokes and polygon vertices. */
  clicks: number;
  toolsUsed: readonly ToolName[];
  modelId: string | null;
  /** Predicted IoU of the last decode that produced the mask. */
  predictedIou: number | null;
  stabilityScore: number | null;
}

export interface EditorObject {
  readonly id: string;
  readonly labelClassId: string | null;
  readonly mask: BinaryMask;
  readonly source: AnnotationSource;
  readonly originId: string | null;
  /** Last version the server confirmed; 0 = never saved. Set by sync, never by ops. */
  readonly version: number;
  /** View state: hidden objects are not drawn (not saved to the server). */
  readonly hidden: boolean;
  /** Display order: larger is drawn on top. Fractional, so a move touches one object. */
  readonly order: number;
  readonly telemetry: ObjectTelemetry;
  readonly prompt: ObjectPrompt | null;
  /** Values of the label class's attributes, by name; left out = none. Relabelling clears them. */
  readonly attributes?: AttributeValues;
  /**
   * Pre-fill only: the mask's confidence (detector box score x predicted IoU x
   * stability; grid points: predicted IoU), shown next to the mask and
   * ranking the pre-fill list. Not saved: the server keeps it in the row's prompt.
   */
  readonly proposalScore?: number | null;
}

/** The prompts that produced the mask; the order travels in EditorObject.order. */
export type ObjectPrompt = Omit<AnnotationPrompt, "order">;

/** The fields an "update" op may change (id, version and source are not edits). */
export type ObjectFields = Pick<EditorObject, "labelClassId" | "mask" | "hidden" | "order" | "telemetry" | "prompt" | "attributes">;

export interface EditorDocument {
  readonly width: number;
  readonly height: number;
  /** Sorted by order, bottom first. */
  readonly objects: readonly EditorObject[];
}

export const EMPTY_TELEMETRY: ObjectTelemetry = {
  secondsSpent: 0,
  clicks: 0,
  toolsUsed: [],
  modelId: null,
  predictedIou: null,
  stabilityScore: null,
};
