"use client";

// The manager's batches page: cut batches, see each batch's progress update
// live (task and batch events from the project room), reassign work.
import { useCallback, useEffect, useRef, useState } from "react";
import type { BatchOverview } from "@/server/batches/list-batches";
import { card } from "../ui/button-styles";
import { taskApi } from "../tasks/task-api";
import { useProjectRoom, useSocketEvents } from "../tasks/use-live-events";
import { BatchCard } from "./batch-card";
import { CreateBatchForm } from "./create-batch-form";

const EVENTS = ["task:changed", "batch:changed"] as const;

export function BatchBoard({ initial }: { initial: BatchOverview }) {
  const [overview, setOverview] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const projectId = initial.projectId;
  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void taskApi<BatchOverview>(`/api/projects/${projectId}/batches`).then(setOverview, () => undefined);
    }, 250);
  }, [projectId]);
  useProjectRoom(projectId, refresh);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useSocketEvents(EVENTS, (_event, payload) => {
    if ((payload as { projectId?: string }).projectId === projectId) refresh();
  });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <section className="space-y-4" aria-label="Batches">
        {overview.batches.length === 0 && <div className={`${card} p-8 text-center text-sm text-slate-600`}>No batches yet: cut the first one to put images in the annotators&apos; queues.</div>}
        {overview.batches.map((batch) => (
          <BatchCard key={`${batch.id}:${batch.priority}`} projectId={projectId} batch={batch} members={overview.members} onChanged={refresh} />
        ))}
      </section>
      <aside className={`${card} h-fit p-5`}>
        <h2 className="mb-3 font-medium">New batch</h2>
        <CreateBatchForm projectId={projectId} members={overview.members} unbatchedCount={overview.unbatchedCount} onCreated={refresh} />
      </aside>
    </div>
  );
}
