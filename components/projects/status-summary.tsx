import Link from "next/link";
import { TASK_STATUSES, TASK_STATUS_LABELS } from "@/lib/schemas/tasks";
import { imagesHref } from "../images/images-href";
import { TASK_STATUS_STYLE } from "../ui/task-status-style";

/** Each status tile opens the Images tab filtered to that status. */
export function StatusSummary(props: { projectId: string; statusCounts: Record<string, number>; imageCount: number; encodedCount: number; failedEncodings?: number }) {
  const encodedPercent = props.imageCount ? Math.round((props.encodedCount / props.imageCount) * 100) : 0;
  return (
    <div className="grid gap-3 sm:grid-cols-[repeat(6,minmax(0,1fr))_minmax(0,2fr)]" data-testid="status-summary">
      {TASK_STATUSES.map((status) => (
        <Link
          key={status}
          href={imagesHref(props.projectId, { status })}
          title={`Show the images whose task is ${TASK_STATUS_LABELS[status].toLowerCase()}`}
          className="rounded-lg border border-slate-200 bg-white px-3 py-2 transition hover:border-brand-400 hover:shadow-sm"
        >
          <div className="flex items-center gap-1.5 text-xs text-slate-500">
            <span className={`inline-block h-2 w-2 rounded-full ${TASK_STATUS_STYLE[status].dot}`} />
            {TASK_STATUS_LABELS[status]}
          </div>
          <div className="text-lg font-semibold" data-testid={`count-${status}`}>{props.statusCounts[status] ?? 0}</div>
        </Link>
      ))}
      <div className="rounded-lg border border-slate-200 bg-white px-3 py-2">
        <div className="flex justify-between text-xs text-slate-500">
          <span>Encoded for click-to-mask</span>
          <span data-testid="encoded-count">{props.encodedCount} of {props.imageCount}</span>
        </div>
        <div className="mt-2 h-2 overflow-hidden rounded bg-slate-100" role="progressbar" aria-label="Images encoded" aria-valuenow={encodedPercent} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full bg-brand-500 transition-all" style={{ width: `${encodedPercent}%` }} />
        </div>
        {(props.failedEncodings ?? 0) > 0 && (
          <p className="mt-1 text-xs text-red-700" data-testid="encoding-failures">{props.failedEncodings} image(s) could not be encoded</p>
        )}
      </div>
    </div>
  );
}
