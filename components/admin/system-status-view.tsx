// The admins' status page body: the worker first (a stopped worker explains
// most "nothing happens" reports), then queues, encoding, webhooks, storage.
import { describeWebhookReach } from "@/lib/schemas/webhooks";
import type { SystemStatus } from "@/server/ops/get-system-status";
import { card } from "../ui/button-styles";
import { formatUtc } from "../ui/format-utc";
import { formatBytes } from "./format-bytes";

function Tile(props: { label: string; value: string; note?: string; tone?: "ok" | "warn" | "bad" }) {
  const tone = props.tone === "bad" ? "border-red-200 bg-red-50" : props.tone === "warn" ? "border-amber-200 bg-amber-50" : "border-slate-200 bg-white";
  return (
    <div className={`rounded-lg border p-3 ${tone}`} data-testid={`status-${props.label.toLowerCase().replace(/\W+/g, "-")}`}>
      <p className="text-xs text-slate-500">{props.label}</p>
      <p className="text-lg font-semibold text-slate-900">{props.value}</p>
      {props.note && <p className="text-xs text-slate-600">{props.note}</p>}
    </div>
  );
}

export function SystemStatusView({ status }: { status: SystemStatus }) {
  const alive = status.workers.filter((worker) => worker.alive);
  const newest = status.workers[0];
  const workerNote = alive.length > 0 ? `seen ${alive[0]!.secondsSinceSeen} s ago on ${alive[0]!.host}` : newest ? `last seen ${formatUtc(newest.seenAt)}: check the worker process` : "never seen: is the worker running?";
  const waitingJobs = (status.jobs ?? []).reduce((sum, job) => sum + job.waiting + job.retrying, 0);
  const failedJobs = (status.jobs ?? []).reduce((sum, job) => sum + job.failedLast24h, 0);
  return (
    <div className="space-y-6">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Tile label="Worker" value={alive.length > 0 ? `running (${alive.length})` : "not running"} note={workerNote} tone={alive.length > 0 ? "ok" : "bad"} />
        <Tile label="Jobs waiting" value={String(waitingJobs)} note={`${failedJobs} failed in 24 h`} tone={failedJobs > 0 ? "warn" : "ok"} />
        <Tile label="Encoded" value={`${status.embeddings.done} of ${status.embeddings.done + status.embeddings.pending + status.embeddings.running + status.embeddings.failed}`} note={`${status.embeddings.pending + status.embeddings.running} to go, ${status.embeddings.failed} failed`} tone={status.embeddings.failed > 0 ? "warn" : "ok"} />
        <Tile label="Webhook deliveries waiting" value={String(status.webhooks.pending)} note={`${status.webhooks.failedLast24h} given up in 24 h; sent to ${describeWebhookReach(status.webhooks.allowedHosts)}`} tone={status.webhooks.failedLast24h > 0 ? "warn" : "ok"} />
        <Tile label="Database" value={formatBytes(status.database.sizeBytes)} note={status.database.embedded ? "embedded (PGlite)" : "PostgreSQL server"} />
        <Tile
          label="Disk free"
          value={formatBytes(status.storage.freeBytes)}
          note={`of ${formatBytes(status.storage.totalBytes)} at ${status.storage.dataDir}`}
          tone={status.storage.freeBytes !== null && status.storage.totalBytes !== null && status.storage.freeBytes < 0.05 * status.storage.totalBytes ? "bad" : "ok"}
        />
        <Tile label="Exports" value={`${status.exports.running} running`} note={`${status.exports.queued} queued`} />
        <Tile label="Content" value={`${status.counts.images} images`} note={`${status.counts.masks} masks, ${status.counts.projects} projects, ${status.counts.activeUsers} active users`} />
      </div>
      <section className={`${card} overflow-x-auto`} aria-labelledby="jobs-heading">
        <h2 id="jobs-heading" className="px-4 pt-4 font-medium">Background jobs</h2>
        {status.jobs === null ? (
          <p className="p-4 text-sm text-slate-600">The job queue has not been created yet: the worker creates it when it first starts.</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <thead className="border-y border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {["Queue", "Waiting", "Running", "Retrying", "Done (24 h)", "Failed (24 h)", "Last failure"].map((heading) => (
                  <th key={heading} className="px-4 py-2 font-medium">{heading}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {status.jobs.map((job) => (
                <tr key={job.name} data-testid="job-queue-row">
                  <td className="px-4 py-2 font-mono text-xs">{job.name}</td>
                  <td className="px-4 py-2 tabular-nums">{job.waiting}</td>
                  <td className="px-4 py-2 tabular-nums">{job.running}</td>
                  <td className="px-4 py-2 tabular-nums">{job.retrying}</td>
                  <td className="px-4 py-2 tabular-nums">{job.completedLast24h}</td>
                  <td className={`px-4 py-2 tabular-nums ${job.failedLast24h > 0 ? "font-medium text-red-700" : ""}`}>{job.failedLast24h}</td>
                  <td className="px-4 py-2 text-xs text-slate-600">{job.lastFailure ? `${formatUtc(job.lastFailure.at)}: ${job.lastFailure.message}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="text-xs text-slate-500">
        Maskwright {status.runtime.appVersion} · Node {status.runtime.node} · encoder on {status.runtime.executionProvider} · checked {formatUtc(status.checkedAt)} (refreshes every 10 s) ·{" "}
        <code>GET /api/admin/status</code> gives the same as JSON.
      </p>
    </div>
  );
}
