// A project card's progress: how many images are accepted, in review and
// being labelled, as one stacked bar and a line of text.
import { TASK_STATUS_STYLE } from "../ui/task-status-style";

const SEGMENTS = [
  { status: "accepted", label: "accepted", color: TASK_STATUS_STYLE.accepted.dot },
  { status: "submitted", label: "awaiting review", color: TASK_STATUS_STYLE.submitted.dot },
  { status: "in_progress", label: "being labelled", color: TASK_STATUS_STYLE.in_progress.dot },
] as const;

export function ProjectProgressBar({ statusCounts, imageCount }: { statusCounts: Record<string, number>; imageCount: number }) {
  if (imageCount === 0) return null;
  const share = (count: number) => `${Math.min(100, (count / imageCount) * 100)}%`;
  const accepted = statusCounts.accepted ?? 0;
  const submitted = statusCounts.submitted ?? 0;
  return (
    <div className="mt-3" data-testid="project-progress">
      <div className="flex h-1.5 overflow-hidden rounded bg-slate-100" role="img" aria-label={`${accepted} of ${imageCount} images accepted`}>
        {SEGMENTS.map(({ status, label, color }) => (
          <div key={status} className={color} style={{ width: share(statusCounts[status] ?? 0) }} title={`${statusCounts[status] ?? 0} ${label}`} />
        ))}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {accepted} of {imageCount} accepted
        {submitted > 0 && ` · ${submitted} awaiting review`}
      </p>
    </div>
  );
}
