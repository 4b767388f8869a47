"use client";

// Cut a batch: which images (first N not yet in a batch, a filter, or picked
// by hand), its priority, and who does it (annotators round-robin, or the pool).
import { useEffect, useState, useTransition } from "react";
import { buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError, FormSuccess } from "../ui/form-message";
import { taskApi } from "../tasks/task-api";

type Member = { id: string; name: string; role: string };
type Kind = "first_unassigned" | "filter" | "images";
type UnbatchedTask = { imageId: string; image: { fileName: string } };

export function CreateBatchForm(props: { projectId: string; members: Member[]; unbatchedCount: number; onCreated: () => void }) {
  const [name, setName] = useState("");
  const [priority, setPriority] = useState(0);
  const [kind, setKind] = useState<Kind>("first_unassigned");
  const [count, setCount] = useState(50);
  const [fileNameContains, setFileNameContains] = useState("");
  const [embedding, setEmbedding] = useState<"any" | "done" | "not_done">("any");
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [unbatched, setUnbatched] = useState<UnbatchedTask[]>([]);
  const [assignees, setAssignees] = useState<Set<string>>(new Set());
  const [reviewerIds, setReviewerIds] = useState<Set<string>>(new Set());
  const [dueOn, setDueOn] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const labelers = props.members.filter((member) => member.role === "annotator" || member.role === "manager");
  const reviewers = props.members.filter((member) => member.role === "reviewer" || member.role === "manager");

  useEffect(() => {
    if (kind !== "images") return;
    void taskApi<{ items: UnbatchedTask[] }>(`/api/projects/${props.projectId}/tasks?inBatch=no&status=todo&pageSize=500`).then((page) => setUnbatched(page.items), () => setUnbatched([]));
  }, [kind, props.projectId, props.unbatchedCount]);

  const toggle = (set: Set<string>, value: string) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const selection = () =>
    kind === "first_unassigned"
      ? { kind, count }
      : kind === "filter"
        ? { kind, fileNameContains: fileNameContains || undefined, embedding }
        : { kind, imageIds: [...picked] };

  const submit = () =>
    startTransition(async () => {
      setError(null);
      setDone(null);
      try {
        const created = await taskApi<{ taskCount: number; batch: { name: string } }>(`/api/projects/${props.projectId}/batches`, {
          method: "POST",
          body: { name, priority, selection: selection(), assigneeIds: [...assignees], reviewerIds: [...reviewerIds], dueOn: dueOn || null },
        });
        setDone(`Batch "${created.batch.name}" created with ${created.taskCount} image${created.taskCount === 1 ? "" : "s"}.`);
        setName("");
        setPicked(new Set());
        props.onCreated();
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    });

  return (
    <form
      aria-label="Create batch"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p className="text-sm text-slate-600" data-testid="unbatched-count">
        {props.unbatchedCount} image{props.unbatchedCount === 1 ? " is" : "s are"} not in a batch yet.
      </p>
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
        <label>
          <span className={labelText}>Batch name</span>
          <input className={inputField} value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} placeholder="Week 12: street scenes" />
        </label>
        <label>
          <span className={labelText}>Priority</span>
          <input className={inputField} type="number" min={-1000} max={1000} value={priority} onChange={(event) => setPriority(Number(event.target.value))} />
        </label>
      </div>
      <fieldset className="space-y-2">
        <legend className={labelText}>Images</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ["first_unassigned", "First N not in a batch"],
              ["filter", "By filter"],
              ["images", "Pick images"],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="inline-flex items-center gap-1.5">
              <input type="radio" name="selection" checked={kind === value} onChange={() => setKind(value)} /> {text}
            </label>
          ))}
        </div>
        {kind === "first_unassigned" && (
          <label className="block max-w-40">
            <span className="sr-only">How many images</span>
            <input className={inputField} aria-label="How many images" type="number" min={1} max={5000} value={count} onChange={(event) => setCount(Number(event.target.value))} />
          </label>
        )}
        {kind === "filter" && (
          <div className="flex flex-wrap gap-3">
            <input className={`${inputField} max-w-64`} aria-label="File name contains" placeholder="File name contains" value={fileNameContains} onChange={(event) => setFileNameContains(event.target.value)} />
            <select className={`${inputField} max-w-56`} aria-label="Embedding" value={embedding} onChange={(event) => setEmbedding(event.target.value as typeof embedding)}>
              <option value="any">Any embedding state</option>
              <option value="done">Embedding ready</option>
              <option value="not_done">Embedding not ready</option>
            </select>
          </div>
        )}
        {kind === "images" && (
          <div className="max-h-48 overflow-auto rounded-md border border-slate-200 p-2 text-sm">
            {unbatched.length === 0 && <p className="text-slate-500">No images outside a batch.</p>}
            {unbatched.map((task) => (
              <label key={task.imageId} className="flex items-center gap-2 py-0.5">
                <input type="checkbox" checked={picked.has(task.imageId)} onChange={() => setPicked((set) => toggle(set, task.imageId))} /> {task.image.fileName}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend className={labelText}>Assign to (none: the project pool, anyone may take them)</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {labelers.map((member) => (
            <label key={member.id} className="inline-flex items-center gap-1.5">
              <input type="checkbox" checked={assignees.has(member.id)} onChange={() => setAssignees((set) => toggle(set, member.id))} aria-label={`Assign to ${member.name}`} /> {member.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="text-sm">
        <label htmlFor="batch-due" className={labelText}>Due (optional)</label>
        <div className="max-w-xs">
          <input id="batch-due" className={inputField} type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />
        </div>
      </div>
      <fieldset>
        <legend className={labelText}>Reviewed by (none: any reviewer; several: each hand-in to whoever has the fewest open reviews)</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {reviewers.map((member) => (
            <label key={member.id} className="inline-flex items-center gap-1.5">
              <input type="checkbox" checked={reviewerIds.has(member.id)} onChange={() => setReviewerIds((set) => toggle(set, member.id))} aria-label={`Reviewed by ${member.name}`} /> {member.name}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        Create batch
      </button>
      <FormError message={error} />
      <FormSuccess message={done} />
    </form>
  );
}
