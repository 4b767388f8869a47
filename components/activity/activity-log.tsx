// The project's Activity tab (managers): who did what, newest first, 50 a
// page; chips narrow it to a kind of event, a menu to one person. Lines about
// an image link to that image's own history while the image exists; runs of
// one thing by one person fold into one line (group-activity.ts).
import Link from "next/link";
import { ACTIVITY_KINDS, type ActivityItem, type ActivityPage } from "@/lib/schemas/activity";
import { card } from "../ui/button-styles";
import { formatUtc } from "../ui/format-utc";
import { activityHref, type ActivityFilters } from "./activity-href";
import { describeActivity } from "./describe-activity";
import { describeRun, groupActivity } from "./group-activity";

function ActivityLine({ projectId, item }: { projectId: string; item: ActivityItem }) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-3 py-2 text-sm" data-testid="activity-entry" data-action={item.action}>
      <time className="w-44 shrink-0 tabular-nums text-xs text-slate-500" dateTime={item.at}>{formatUtc(item.at)}</time>
      <span className="min-w-0 flex-1">
        <span className="font-medium">{item.actor?.name ?? "System"}</span> {describeActivity(item)}
        {item.subject.imageId && item.subject.imageExists && (
          <Link href={`/projects/${projectId}/history/${item.subject.imageId}`} className="ml-2 text-xs text-brand-700 hover:underline">history</Link>
        )}
      </span>
    </li>
  );
}

const chip = "rounded-full border px-2.5 py-1 text-xs";
const chipOn = "border-brand-600 bg-brand-600 text-white";
const chipOff = "border-slate-300 bg-white text-slate-700 hover:border-brand-400";

export function ActivityLog(props: { projectId: string; activity: ActivityPage; filters: ActivityFilters; people: { id: string; name: string }[]; filterError?: string }) {
  const { projectId, activity, filters } = props;
  const kinds = [{ id: undefined, label: "All" }, ...Object.entries(ACTIVITY_KINDS).map(([id, kind]) => ({ id, label: kind.label }))];
  return (
    <section className={`${card} space-y-4 p-5`} aria-labelledby="activity-heading" data-testid="activity-log">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="activity-heading" className="font-medium">Activity</h2>
        <form action={`/projects/${projectId}`} className="flex items-center gap-2 text-sm">
          <input type="hidden" name="tab" value="activity" />
          {filters.kind && <input type="hidden" name="kind" value={filters.kind} />}
          <label htmlFor="activity-person" className="text-slate-600">Person</label>
          <select id="activity-person" name="userId" defaultValue={filters.userId ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1">
            <option value="">Everyone</option>
            {props.people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
          </select>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">Show</button>
        </form>
      </div>
      <nav aria-label="Kinds of activity" className="flex flex-wrap gap-1.5">
        {kinds.map((kind) => (
          <Link
            key={kind.label}
            href={activityHref(projectId, { kind: kind.id, userId: filters.userId })}
            aria-current={filters.kind === kind.id ? "true" : undefined}
            className={`${chip} ${filters.kind === kind.id ? chipOn : chipOff}`}
            data-testid={`activity-kind-${kind.id ?? "all"}`}
          >
            {kind.label}
          </Link>
        ))}
      </nav>
      {props.filterError && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="activity-filter-error">Filter ignored: {props.filterError}</p>}
      {activity.items.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing recorded{filters.kind || filters.userId ? " for this filter" : " yet"}.</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {groupActivity(activity.items).map((group) =>
            group.items.length === 1 ? (
              <ActivityLine key={group.key} projectId={projectId} item={group.items[0]!} />
            ) : (
              <li key={group.key} className="py-2 text-sm" data-testid="activity-run" data-action={group.items[0]!.action} data-count={group.items.length}>
                <details className="group">
                  <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3">
                    <time className="w-44 shrink-0 tabular-nums text-xs text-slate-500" dateTime={group.items[0]!.at}>{formatUtc(group.items[0]!.at)}</time>
                    <span className="min-w-0 flex-1">
                      <span className="font-medium">{group.items[0]!.actor?.name ?? "System"}</span> {describeRun(group)}
                      <span className="ml-2 text-xs text-brand-700 group-open:hidden">show</span>
                    </span>
                  </summary>
                  <ol className="mt-1 border-l border-slate-200 pl-3">
                    {group.items.map((item) => <ActivityLine key={item.id} projectId={projectId} item={item} />)}
                  </ol>
                </details>
              </li>
            ),
          )}
        </ol>
      )}
      {activity.pageCount > 1 && (
        <nav aria-label="Activity pages" className="flex items-center justify-between text-sm text-slate-600">
          <span>Page {activity.page} of {activity.pageCount} · {activity.total.toLocaleString("en-US")} events</span>
          <span className="flex gap-2">
            {activity.page > 1 && <Link href={activityHref(projectId, { ...filters, page: activity.page - 1 })} className="text-brand-700 hover:underline">‹ Newer</Link>}
            {activity.page < activity.pageCount && <Link href={activityHref(projectId, { ...filters, page: activity.page + 1 })} className="text-brand-700 hover:underline">Older ›</Link>}
          </span>
        </nav>
      )}
    </section>
  );
}
