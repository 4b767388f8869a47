// The line under the review canvas: how many masks, how many of them are the
// model's pre-fill taken as proposed (the reviewer may want to look at those
// harder), and how many have no label (class-based exports leave those out).
import type { AnnotationDto } from "@/lib/schemas/annotations";

export function reviewMaskSummary(annotations: readonly Pick<AnnotationDto, "source" | "labelClassId">[]): string {
  const total = annotations.length;
  const parts = [`${total} mask${total === 1 ? "" : "s"}`];
  const prefilled = annotations.filter((a) => a.source === "prefill").length;
  if (prefilled > 0) parts.push(`${prefilled} pre-filled by the model, unedited`);
  const unlabelled = annotations.filter((a) => a.labelClassId === null).length;
  if (unlabelled > 0) parts.push(`${unlabelled} without a label`);
  return parts.join(" · ");
}

/** A mask's effort as its annotator's editor recorded it ("3 clicks · 12 s"); null when nothing was recorded (pre-filled, imported). */
export function describeEffort(telemetry: Pick<AnnotationDto["telemetry"], "clicks" | "secondsSpent">): string | null {
  if (telemetry.clicks <= 0 && telemetry.secondsSpent <= 0) return null;
  return `${telemetry.clicks} click${telemetry.clicks === 1 ? "" : "s"} · ${Math.round(telemetry.secondsSpent)} s`;
}
