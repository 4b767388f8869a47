// How a batch's due date reads next to its progress: how far off it is, and
// whether it is late, which only matters while the batch still has open work.

export type DueDateTone = "neutral" | "soon" | "late";

/** dueOn and today are YYYY-MM-DD (today in UTC, as the server checks due dates). */
export function describeDueDate(options: { dueOn: string; today: string; openImages: number }): { text: string; tone: DueDateTone } {
  const { dueOn, today, openImages } = options;
  const days = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (openImages === 0) return { text: `due ${dueOn}, nothing left to label`, tone: "neutral" };
  if (days < 0) return { text: `overdue by ${-days} day${days === -1 ? "" : "s"} (due ${dueOn})`, tone: "late" };
  if (days === 0) return { text: `due today (${dueOn})`, tone: "soon" };
  if (days === 1) return { text: `due tomorrow (${dueOn})`, tone: "soon" };
  return { text: `due in ${days} days (${dueOn})`, tone: "neutral" };
}

export const DUE_DATE_TONE_CLASS: Record<DueDateTone, string> = {
  neutral: "text-slate-600",
  soon: "font-medium text-amber-700",
  late: "font-medium text-red-700",
};
