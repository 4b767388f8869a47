"use client";

// The reviewer's open comments on an image, for the annotator in the editor
// (mount it next to the canvas). Fetched when mounted and again the moment
// the image is rejected (live `review:rejected` to the annotator's room) or
// changes state. `onSelect` lets the editor highlight the pinned mask/point.
//
//   <ReviewCommentsPanel taskId={taskId} imageId={imageId} onSelect={(c) => focus(c.annotationId, c.pinX, c.pinY)} />
import { useCallback, useEffect, useState } from "react";
import type { OpenReviewComment } from "@/server/reviews/list-open-review-comments";
import { taskApi } from "../tasks/task-api";
import { useSocketEvents } from "../tasks/use-live-events";

const EVENTS = ["review:rejected", "task:changed"] as const;

export function ReviewCommentsPanel(props: { taskId: string; imageId: string; onSelect?: (comment: OpenReviewComment, index: number) => void; hideWhenEmpty?: boolean }) {
  const { taskId, imageId } = props;
  const [comments, setComments] = useState<OpenReviewComment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const load = useCallback(() => {
    taskApi<{ comments: OpenReviewComment[] }>(`/api/tasks/${encodeURIComponent(taskId)}/comments`).then(
      (answer) => {
        setComments(answer.comments);
        setError(null);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [taskId]);
  useEffect(load, [load]);
  useSocketEvents(EVENTS, (event, payload) => {
    if (event === "review:rejected" && (payload as { imageId?: string }).imageId === imageId) load();
    if (event === "task:changed" && (payload as { tasks?: { imageId: string }[] }).tasks?.some((task) => task.imageId === imageId)) load();
  });

  if (comments.length === 0 && !error && props.hideWhenEmpty !== false) return null;
  return (
    <section aria-label="Review comments" data-testid="review-comments" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
      <h2 className="mb-2 font-medium text-amber-900">Reviewer&apos;s comments to address</h2>
      {error && <p role="alert" className="text-red-700">{error}</p>}
      {comments.length === 0 && !error && <p className="text-slate-600">No open comments.</p>}
      <ol className="space-y-1.5">
        {comments.map((comment, index) => (
          <li key={comment.id}>
            <button
              type="button"
              className={`w-full rounded px-2 py-1 text-left hover:bg-amber-100 ${active === comment.id ? "bg-amber-100 ring-1 ring-amber-400" : ""}`}
              onClick={() => {
                setActive(comment.id);
                props.onSelect?.(comment, index);
              }}
              aria-pressed={active === comment.id}
              title={comment.annotationId ? "Select the mask this comment is about" : undefined}
              data-testid="review-comment"
              data-annotation-id={comment.annotationId ?? ""}
            >
              <span className="mr-2 inline-flex h-5 w-5 items-center justify-center rounded-full bg-amber-600 text-xs font-semibold text-white">{index + 1}</span>
              {comment.comment}
              <span className="ml-2 text-xs text-slate-500">
                — {comment.reviewer.name}
                {comment.pinX !== null && comment.pinY !== null ? ` · at (${Math.round(comment.pinX)}, ${Math.round(comment.pinY)})` : ""}
                {comment.annotationId ? " · on a mask" : ""}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
