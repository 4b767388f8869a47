"use client";

// The reviewer's screen: the submitted image with its masks (live: a mask the
// annotator or a co-reviewer saves appears at once), who else is looking,
// comments pinned by clicking on a mask or a point, Accept / Reject, and a
// link to correct the image in the editor (edits are then the reviewer's).
import { useBatchFocus } from "../tasks/use-batch-focus";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { reviewMaskSummary } from "./review-mask-summary";
import type { TaskDetails } from "@/server/tasks/get-task";
import { buttonDanger, buttonPrimary, buttonSecondary, card, inputField } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { taskApi, type ClaimAnswer } from "../tasks/task-api";
import { useImageRoom, useSocketEvents } from "../tasks/use-live-events";
import { useTaskHeartbeat } from "../tasks/use-task-heartbeat";
import { MaskCanvas } from "./mask-canvas";
import { ReviewMaskList } from "./review-mask-list";
import type { Resubmission } from "@/lib/schemas/hand-in-quality";
import { useReviewKeys } from "./use-review-keys";
import { nextOpacityStep } from "../editor/core/mask-opacity";

type Label = { id: string; name: string; color: string };
type Draft = { comment: string; annotationId: string | null; pinX: number | null; pinY: number | null };

const EVENTS = ["annotation:saved", "annotation:deleted"] as const;

export function ReviewView(props: { task: TaskDetails; labels: Label[]; resubmission?: Resubmission | null }) {
  const { task } = props;
  const router = useRouter();
  const focus = useBatchFocus().query;
  const imageId = task.imageId;
  const [annotations, setAnnotations] = useState<AnnotationDto[]>([]);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [acceptNote, setAcceptNote] = useState("");
  // Inspection only, nothing saved: the mask hovered in the list, and how the masks are shown.
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [masksVisible, setMasksVisible] = useState(true);
  const [maskOpacity, setMaskOpacity] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const lease = useTaskHeartbeat(task.heldByMe && task.stage === "review" ? task.id : null);
  const { viewers, joins } = useImageRoom(imageId);

  const load = useCallback(() => {
    taskApi<{ annotations: AnnotationDto[] }>(`/api/images/${imageId}/annotations`).then(
      (answer) => setAnnotations(answer.annotations),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [imageId]);
  // Again after each (re)join of the image room: saves made before we listened are not missed.
  useEffect(load, [load, joins]);
  useSocketEvents(EVENTS, (_event, payload) => {
    const event = payload as { annotation?: { imageId: string }; imageId?: string };
    if ((event.annotation?.imageId ?? event.imageId) === imageId) load();
  });

  const colorOf = (labelClassId: string | null) => props.labels.find((label) => label.id === labelClassId)?.color ?? "#06b6d4";
  const drawn = annotations.map((annotation) => ({ id: annotation.id, rle: annotation.rle, color: colorOf(annotation.labelClassId) }));
  const pins = drafts.flatMap((draft, index) => (draft.pinX !== null && draft.pinY !== null ? [{ x: draft.pinX, y: draft.pinY, label: String(index + 1) }] : []));
  const [status, setStatus] = useState(task.status);
  useSocketEvents(["task:changed"], (_event, payload) => {
    const changed = (payload as { tasks?: { id: string; status: TaskDetails["status"] }[] }).tasks?.find((entry) => entry.id === task.id);
    if (changed) setStatus(changed.status);
  });
  const reviewing = task.stage === "review";
  const canDecide = reviewing && task.heldByMe && !lease.lost && task.status === "in_progress";

  const decide = (body: unknown) =>
    startTransition(async () => {
      setError(null);
      try {
        const answer = await taskApi<{ next: ClaimAnswer }>(`/api/tasks/${task.id}/review${focus}`, { method: "POST", body });
        router.push(answer.next.path ?? `/projects/${task.projectId}/queue?done=reviewed`);
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    });
  useReviewKeys({
    onAccept: canDecide && !pending ? () => decide({ verdict: "accept", comment: acceptNote }) : null,
    onToggleMasks: () => setMasksVisible((visible) => !visible),
    onCycleOpacity: () => setMaskOpacity((opacity) => nextOpacityStep(opacity)),
  });
  const updateDraft = (index: number, comment: string) => setDrafts((list) => list.map((draft, i) => (i === index ? { ...draft, comment } : draft)));

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-2">
        <MaskCanvas
          imageUrl={`/api/images/${imageId}/file`}
          width={task.image.width}
          height={task.image.height}
          annotations={drawn}
          pins={pins}
          highlightId={hoveredId ?? drafts.at(-1)?.annotationId ?? null}
          opacity={maskOpacity}
          visible={masksVisible}
          onPick={canDecide ? (point) => setDrafts((list) => [...list, { comment: "", annotationId: point.annotationId, pinX: Math.round(point.x), pinY: Math.round(point.y) }]) : undefined}
        />
        <p className="text-xs text-slate-500">
          <span data-testid="review-mask-summary">{reviewMaskSummary(annotations)}</span>
          {canDecide ? " · click on the image to pin a comment (on a mask if you click one) · Ctrl+Enter accepts" : ""}
          {" · H shows / hides the masks, O changes their opacity · the wheel or + / - zoom, drag to pan, 0 fits"}
        </p>
      </div>
      <aside className="space-y-4">
        <section className={`${card} space-y-2 p-4 text-sm`}>
          <p>
            <span className="font-medium">{task.image.fileName}</span>
            {task.batch && <span className="text-slate-500"> · {task.batch.name}</span>}
          </p>
          <p className="text-slate-600" data-testid="viewers">
            Viewing now: {viewers.length === 0 ? "—" : viewers.map((viewer) => viewer.name).join(", ")}
          </p>
          <Link className="text-brand-700 hover:underline" href={`/projects/${task.projectId}/history/${imageId}`}>History</Link>
        </section>
        {lease.lost && <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{lease.lost}</p>}
        {!canDecide && !lease.lost && (
          <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="watch-status" data-status={status}>
            {reviewing ? "You are not holding this review" : "Labeling"} — {status.replace("_", " ")}
            {task.assignee ? ` (${task.assignee.name})` : ""}: read only, updated live.
          </p>
        )}
        {canDecide && (
          <>
            <section className={`${card} space-y-2 p-4`} aria-label="Comments">
              <h2 className="text-sm font-medium">Comments for the annotator</h2>
              {drafts.length === 0 && <p className="text-sm text-slate-500">None yet. Click the image, or add a general comment.</p>}
              {drafts.map((draft, index) => (
                <div key={index} className="flex items-start gap-2">
                  <span className="mt-2 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-amber-600 text-xs font-semibold text-white">{index + 1}</span>
                  <textarea className={`${inputField} min-h-14`} aria-label={`Comment ${index + 1}`} value={draft.comment} maxLength={2000} onChange={(event) => updateDraft(index, event.target.value)} placeholder={draft.annotationId ? "About this mask…" : draft.pinX !== null ? "About this spot…" : "General comment…"} />
                  <button type="button" className="mt-2 text-xs text-slate-500 hover:text-red-700" onClick={() => setDrafts((list) => list.filter((_, i) => i !== index))} aria-label={`Remove comment ${index + 1}`}>✕</button>
                </div>
              ))}
              <button type="button" className={buttonSecondary} onClick={() => setDrafts((list) => [...list, { comment: "", annotationId: null, pinX: null, pinY: null }])}>Add general comment</button>
            </section>
            <div className="flex flex-wrap gap-2">
              <button type="button" className={buttonDanger} disabled={pending || drafts.length === 0 || drafts.some((draft) => draft.comment.trim() === "")} onClick={() => decide({ verdict: "reject", comments: drafts })} data-testid="review-reject">
                Reject with comments
              </button>
              <Link className={buttonSecondary} href={`/projects/${task.projectId}/annotate/${imageId}?task=${task.id}`}>Correct in editor</Link>
            </div>
            <div className="flex gap-2">
              <input className={inputField} aria-label="Note with the acceptance" placeholder="Optional note" value={acceptNote} onChange={(event) => setAcceptNote(event.target.value)} />
              <button type="button" className={buttonPrimary} disabled={pending} onClick={() => decide({ verdict: "accept", comment: acceptNote })} data-testid="review-accept">Accept</button>
            </div>
          </>
        )}
        <FormError message={error} />
        <ReviewMaskList
          annotations={annotations}
          resubmission={props.resubmission ?? null}
          labels={props.labels}
          highlightId={hoveredId}
          onHighlight={setHoveredId}
          visible={masksVisible}
          onVisible={setMasksVisible}
          opacity={maskOpacity}
          onOpacity={setMaskOpacity}
        />
      </aside>
    </div>
  );
}
