// One colour per task status on every page (image badges, batch bars, project
// cards, status tiles), so "amber" means the same thing wherever it appears.
import type { TaskStatusName } from "@/lib/schemas/tasks";

export const TASK_STATUS_STYLE: Record<TaskStatusName, { dot: string; badge: string }> = {
  todo: { dot: "bg-slate-300", badge: "bg-slate-100 text-slate-700" },
  in_progress: { dot: "bg-amber-400", badge: "bg-amber-100 text-amber-800" },
  submitted: { dot: "bg-sky-500", badge: "bg-sky-100 text-sky-800" },
  accepted: { dot: "bg-emerald-500", badge: "bg-emerald-100 text-emerald-800" },
  rejected: { dot: "bg-red-500", badge: "bg-red-100 text-red-800" },
  skipped: { dot: "bg-slate-500", badge: "bg-slate-200 text-slate-600" },
};
