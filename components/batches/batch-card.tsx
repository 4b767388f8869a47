"use client";

// One batch: live progress by status, each assignee's share with a control
// to hand their open images to someone else or back to the pool, the batch
// priority and due date, and who reviews its hand-ins.
import { useState, useTransition } from "react";
import type { BatchProgress } from "@/server/batches/list-batches";
import { buttonSecondary, card, inputField } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { taskApi } from "../tasks/task-api";
import { TASK_STATUS_STYLE } from "../ui/task-status-style";
import { TASK_STATUSES, TASK_STATUS_LABELS } from "@/lib/schemas/tasks";
import { BatchDueNote } from "./batch-due-note";
import { BatchReviewerPicker } from "./batch-reviewer-picker";

const SEGMENTS = TASK_STATUSES.map((status) => [status, TASK_STATUS_LABELS[status], TASK_STATUS_STYLE[status].dot] as const);

type Member = { id: string; name: string; role: string };

export function BatchCard(props: { projectId: string; batch: BatchProgress; members: Member[]; onChanged: () => void }) {
  const { batch } = props;
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [priority, setPriority] = useState(batch.priority);
  const [dueOn, setDueOn] = useState(batch.dueOn ?? "");
  const openImages = batch.counts.todo + batch.counts.in_progress + batch.counts.rejected;
  const changes = { ...(priority !== batch.priority ? { priority } : {}), ...(dueOn !== (batch.dueOn ?? "") ? { dueOn: dueOn || null } : {}) };
  const labelers = props.members.filter((member) => member.role === "annotator" || member.role === "manager");
  const reviewers = props.members.filter((member) => member.role === "reviewer" || member.role === "manager");
  const act = (fn: () => Promise<unknown>) =>
    startTransition(async () => {
      setError(null);
      try {
        await fn();
        props.onChanged();
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    });
  const reassign = (fromUserId: string | null, to: string) =>
    act(() => taskApi(`/api/projects/${props.projectId}/tasks/assign`, { method: "POST", body: { batchId: batch.id, fromUserId, assigneeId: to === "" ? null : to } }));

  return (
    <article className={`${card} space-y-3 p-4`} data-testid="batch-card" data-batch-name={batch.name}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 className="font-medium">
            {batch.name} <span className="text-sm font-normal text-slate-500">· {batch.total} images</span>
          </h3>
          {batch.dueOn && <BatchDueNote dueOn={batch.dueOn} openImages={openImages} />}
        </div>
        <form
          className="flex items-center gap-2 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            act(() => taskApi(`/api/projects/${props.projectId}/batches/${batch.id}`, { method: "PATCH", body: changes }));
          }}
        >
          <label className="text-slate-600" htmlFor={`priority-${batch.id}`}>Priority</label>
          <div className="w-20">
            <input id={`priority-${batch.id}`} className={inputField} type="number" value={priority} onChange={(event) => setPriority(Number(event.target.value))} />
          </div>
          <label className="text-slate-600" htmlFor={`due-${batch.id}`}>Due</label>
          <div className="w-40">
            <input id={`due-${batch.id}`} className={inputField} type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />
          </div>
          <button type="submit" className={buttonSecondary} disabled={pending || Object.keys(changes).length === 0}>Save</button>
        </form>
      </header>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Reviewed by</span>
        <BatchReviewerPicker
          batchId={batch.id}
          current={batch.reviewers}
          candidates={reviewers}
          disabled={pending}
          onChange={(reviewerIds) => act(() => taskApi(`/api/projects/${props.projectId}/batches/${batch.id}`, { method: "PATCH", body: { reviewerIds } }))}
        />
        <span className="text-xs text-slate-500">
          {batch.reviewers.length === 0
            ? "its hand-ins go to the project's review pool"
            : batch.reviewers.length === 1
              ? "its hand-ins wait in this person's review queue only"
              : "each hand-in waits in the queue of whichever of them has the fewest open reviews"}
        </span>
      </div>
      <div className="flex h-3 overflow-hidden rounded-full bg-slate-100" aria-hidden>
        {SEGMENTS.map(([key, , color]) => (batch.counts[key] > 0 ? <div key={key} className={color} style={{ width: `${(100 * batch.counts[key]) / Math.max(1, batch.total)}%` }} /> : null))}
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {SEGMENTS.map(([key, label, color]) => (
          <div key={key} className="flex items-center gap-1.5">
            <span className={`inline-block h-2.5 w-2.5 rounded-full ${color}`} />
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium tabular-nums" data-testid={`batch-count-${key}`}>{batch.counts[key]}</dd>
          </div>
        ))}
      </dl>
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr><th className="py-1 font-medium">Assignee</th><th className="py-1 font-medium">Open / total</th><th className="py-1 font-medium">Accepted</th><th className="py-1 font-medium">Move open images to</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {batch.assignees.map((share) => (
            <tr key={share.userId ?? "pool"} data-testid="assignee-row">
              <td className="py-1.5">{share.name}</td>
              <td className="py-1.5 tabular-nums">{share.open} / {share.total}</td>
              <td className="py-1.5 tabular-nums">{share.counts.accepted}</td>
              <td className="py-1.5">
                <select
                  className={`${inputField} py-1`}
                  aria-label={`Move open images of ${share.name}`}
                  disabled={pending || share.open === 0}
                  value="keep"
                  onChange={(event) => reassign(share.userId, event.target.value)}
                >
                  <option value="keep" disabled>Choose…</option>
                  {share.userId !== null && <option value="">Project pool</option>}
                  {labelers.filter((member) => member.id !== share.userId).map((member) => (
                    <option key={member.id} value={member.id}>{member.name}</option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError message={error} />
    </article>
  );
}
