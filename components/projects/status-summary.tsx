const ORDER = ["todo", "in_progress", "submitted", "accepted", "rejected", "skipped"] as const;
const LABEL: Record<(typeof ORDER)[number], string> = {
  todo: "To do",
  in_progress: "In progress",
  submitted: "Submitted",
  accepted: "Accepted",
  rejected: "Rejected",
  skipped: "Skipped",
};

export function StatusSummary(props: { statusCounts: Record<string, number>; imageCount: number; encodedCount: number; failedEncodings?: number }) {
  const encodedPercent = props.imageCount ? Math.round((props.encodedCount / props.imageCount) * 100) : 0;
  return (
    <div className="grid gap-3 sm:grid-cols-[repeat(6,minmax(0,1fr))_minmax(0,2fr)]" data-testid="status-summary">
      {ORDER.map((status) => (
        <div key={status} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
          <div className="text-xs text-slate-500">{LABEL[status]}</div>
          <div className="text-lg font-semibold" data-testid={`count-${status}`}>{props.statusCounts[status] ?? 0}</div>
        </div>
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
