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
