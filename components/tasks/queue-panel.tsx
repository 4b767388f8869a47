"use client";

// The work queue page: what waits for me (assigned, rework, pool, reviews),
// the image I hold, the start buttons, and live notices — new assignments and
// rejected images with the reviewer's comments — as they happen.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { BatchDueNote } from "../batches/batch-due-note";
import { card } from "../ui/button-styles";
import { StartWorkButton } from "./start-work-button";
import { taskApi } from "./task-api";
import { useProjectRoom, useSocketEvents } from "./use-live-events";
import type { QueueSummary } from "@/server/tasks/get-queue-summary";
import type { ReviewRejectedEvent } from "@/server/reviews/reject-review";
import type { TasksAssignedEvent } from "@/server/tasks/publish-task-changes";

type Notice = { id: number; kind: "assigned" | "rejected"; text: string; comments?: string[]; imageId?: string };

const EVENTS = ["tasks:assigned", "review:rejected", "task:changed", "batch:changed"] as const;

function Stat(props: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <div className="text-xs uppercase tracking-wide text-slate-500">{props.label}</div>
      <div className="text-2xl font-semibold tabular-nums" data-testid={props.testId}>
        {props.value}
      </div>
    </div>
  );
}

export function QueuePanel({ initial, projectId }: { initial: QueueSummary; projectId: string }) {
  const [summary, setSummary] = useState(initial);
  const [notices, setNotices] = useState<Notice[]>([]);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const noticeId = useRef(0);

  const refresh = useCallback(() => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    // Bursts of events (a batch of 500) become one request.
    refreshTimer.current = setTimeout(() => {
      void taskApi<QueueSummary>(`/api/projects/${projectId}/tasks/queue`).then(setSummary, () => undefined);
    }, 250);
  }, [projectId]);
  useEffect(() => () => void (refreshTimer.current && clearTimeout(refreshTimer.current)), []);
  // Live once the server confirms the project room: from then on no change to the queue is missed
  // (data-live lets a browser test wait for that instead of racing it).
  const [live, setLive] = useState(false);
  const onJoined = useCallback(() => {
    setLive(true);
    refresh();
  }, [refresh]);
  useProjectRoom(projectId, onJoined);

  useSocketEvents(EVENTS, (event, payload) => {
    if (event === "tasks:assigned") {
      const assigned = payload as TasksAssignedEvent;
      if (assigned.projectId !== projectId) return;
      setNotices((list) => [{ id: ++noticeId.current, kind: "assigned" as const, text: `${assigned.count} new image${assigned.count === 1 ? "" : "s"} assigned to you.` }, ...list].slice(0, 10));
    } else if (event === "review:rejected") {
      const rejected = payload as ReviewRejectedEvent;
      if (rejected.projectId !== projectId) return;
      setNotices((list) =>
        [{ id: ++noticeId.current, kind: "rejected" as const, text: `${rejected.reviewerName} sent an image back to you.`, comments: rejected.comments.map((c) => c.comment), imageId: rejected.imageId }, ...list].slice(0, 10),
      );
    }
    refresh();
  });

  const held = summary.annotate.held ?? summary.review.held;
  return (
    <div className="space-y-5" data-testid="queue-panel" data-live={live ? "true" : "false"}>
      {held && (
        <div className={`${card} flex items-center justify-between p-4`}>
          <span className="text-sm">You are working on an image ({held.stage === "annotate" ? "labeling" : "review"}).</span>
          <Link className="text-sm font-medium text-brand-700 hover:underline" href={held.stage === "annotate" ? `/projects/${projectId}/annotate/${held.imageId}?task=${held.id}` : `/projects/${projectId}/review/${held.id}`}>
            Resume
          </Link>
        </div>
      )}
      {summary.canAnnotate && (
        <section className={`${card} space-y-4 p-5`} aria-label="Labeling queue">
          <div className="flex items-center justify-between">
            <h2 className="font-medium">Labeling</h2>
            <StartWorkButton projectId={projectId} stage="annotate" />
          </div>
          <div className="grid grid-cols-3 gap-3">
            <Stat label="Assigned to you" value={summary.annotate.assignedToMe} testId="queue-assigned" />
            <Stat label="Sent back to you" value={summary.annotate.reworkForMe} testId="queue-rework" />
            <Stat label="Project pool" value={summary.annotate.pool} testId="queue-pool" />
          </div>
        </section>
      )}
      {summary.canReview && (
        <section className={`${card} space-y-4 p-5`} aria-label="Review queue">
          <div className="flex items-center justify-between">
            <h2 className="font-medium">Review</h2>
            <StartWorkButton projectId={projectId} stage="review" />
          </div>
          <Stat label="Waiting for review" value={summary.review.waiting} testId="queue-review-waiting" />
        </section>
      )}
      {summary.batches.length > 1 && (
        <section className={`${card} space-y-2 p-5`} aria-label="Work by batch">
          <div>
            <h2 className="font-medium">By batch</h2>
            <p className="text-xs text-slate-500">Work through one batch: “Submit &amp; next” then stays in it.</p>
          </div>
          <ul className="divide-y divide-slate-100">
            {summary.batches.map((batch) => (
              <li key={batch.id} className="flex flex-wrap items-center gap-3 py-2 text-sm" data-testid="queue-batch" data-batch={batch.name}>
                <span className="min-w-0 flex-1 truncate font-medium">{batch.name}</span>
                {batch.priority !== 0 && <span className="text-xs text-slate-500">priority {batch.priority}</span>}
                {batch.dueOn && <BatchDueNote dueOn={batch.dueOn} openImages={batch.annotateOpen + batch.reviewOpen} />}
                {summary.canAnnotate && batch.annotateOpen > 0 && (
                  <StartWorkButton projectId={projectId} stage="annotate" batchId={batch.id} variant="secondary" label={`Label ${batch.annotateOpen}`} />
                )}
                {summary.canReview && batch.reviewOpen > 0 && (
                  <StartWorkButton projectId={projectId} stage="review" batchId={batch.id} variant="secondary" label={`Review ${batch.reviewOpen}`} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {notices.length > 0 && (
        <section className="space-y-2" aria-label="Live notices" data-testid="live-notices">
          {notices.map((notice) => (
            <div key={notice.id} className={`rounded-md border px-3 py-2 text-sm ${notice.kind === "rejected" ? "border-amber-300 bg-amber-50" : "border-emerald-200 bg-emerald-50"}`} data-testid={`notice-${notice.kind}`}>
              <p className="font-medium">{notice.text}</p>
              {notice.comments && (
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {notice.comments.map((comment, index) => (
                    <li key={index}>{comment}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
