"use client";

// The editor opened from the queue (`?task=`): the annotation editor plus the
// work around it. Keeps the lease alive; Submit / Skip / Stop (and "next
// image") wait for the editor's saves, then open the next task directly; the
// reviewer's open comments, each focusing its mask; who else is on the image;
// a banner when the lease is lost. A reviewer correcting an image gets a way
// back to the review instead of Submit (their edits are saved under their name).
// Submit (button or N) with pre-filled masks still undecided asks first: an
// unlabelled pre-fill would reach review and class-based exports unlabelled,
// so the annotator accepts them all, submits them as they are, or goes back.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { AnnotationEditor, type EditorHandle } from "@/components/editor/views/annotation-editor";
import { annotationDto } from "@/lib/schemas/annotations";
import type { EditorPageData } from "@/server/annotations/load-editor-page";
import { ReviewCommentsPanel } from "../reviews/review-comments-panel";
import { LeaseLostBanner } from "./lease-lost-banner";
import { EditorPresence } from "./editor-presence";
import { TaskActionsBar } from "./task-actions-bar";
import { taskApi } from "./task-api";
import { useTaskActions } from "./use-task-actions";
import { useTaskHeartbeat } from "./use-task-heartbeat";
import { waitForSaved } from "./wait-for-saved";

export type EditorTask = { id: string; stage: "annotate" | "review" };

type Props = {
  data: EditorPageData;
  task: EditorTask;
  user: { id: string; name: string };
  nextHref: string | null;
};

export function TaskEditor({ data, task, user, nextHref }: Props) {
  const projectId = data.project.id;
  const imageId = data.image.id;
  const handle = useRef<EditorHandle>(null);
  const lease = useTaskHeartbeat(task.id);
  const [unsaved, setUnsaved] = useState(0);

  const beforeLeave = useCallback(async () => {
    const sync = handle.current?.sync;
    if (!sync) return null;
    const outcome = await waitForSaved(sync);
    return outcome.ok ? null : outcome.message;
  }, []);
  const actions = useTaskActions({ projectId, taskId: task.id, beforeLeave });
  const [undecided, setUndecided] = useState(0);
  const { submit } = actions;
  const submitOrAsk = useCallback(() => {
    const count = handle.current?.undecidedPrefills() ?? 0;
    if (count > 0) return setUndecided(count);
    submit();
  }, [submit]);
  const prefillQuestion = {
    count: undecided,
    acceptAll: () => {
      setUndecided(0);
      if (handle.current?.acceptAllPrefills() ?? true) submit();
    },
    submitAsThey: () => {
      setUndecided(0);
      submit();
    },
    back: () => setUndecided(0),
  };

  // A refused save may mean the lease is gone: ask the server now, so the banner says so at once.
  const { check } = lease;
  useEffect(() => {
    const sync = handle.current?.sync;
    if (!sync) return;
    let blocked = 0;
    const onChange = () => {
      const states = [...sync.getSnapshot().objects.values()];
      setUnsaved(states.length);
      const now = states.filter((state) => state.state === "blocked").length;
      if (now > blocked) check();
      blocked = now;
    };
    onChange();
    return sync.subscribe(onChange);
  }, [check]);

  // After each (re)join of the image's room: saves by others made before we listened are not
  // missed (applyRemote ignores copies it already has and objects with unsaved work here).
  const refetch = useCallback(() => {
    taskApi<{ annotations: unknown[] }>(`/api/images/${encodeURIComponent(imageId)}/annotations`).then(
      (answer) => {
        for (const item of answer.annotations) {
          const parsed = annotationDto.safeParse(item);
          if (parsed.success) handle.current?.sync?.applyRemote(parsed.data);
        }
      },
      () => undefined,
    );
  }, [imageId]);

  const annotating = task.stage === "annotate";
  const panel = (
    <>
      {annotating ? (
        <TaskActionsBar actions={{ ...actions, submit: submitOrAsk }} lease={lease} prefillQuestion={prefillQuestion} />
      ) : (
        <section className="space-y-1.5 rounded-md border border-sky-200 bg-sky-50 p-2.5 text-sm text-sky-950" data-testid="review-correcting">
          <p>Correcting as the reviewer: your edits are saved under your name.</p>
          <Link className="font-medium text-brand-700 hover:underline" href={`/projects/${projectId}/review/${task.id}`}>
            ← Back to the review
          </Link>
        </section>
      )}
      {annotating && <ReviewCommentsPanel taskId={task.id} imageId={imageId} onSelect={(comment) => handle.current?.select(comment.annotationId)} />}
    </>
  );

  return (
    <>
      <AnnotationEditor
        data={data}
        taskId={task.id}
        user={user}
        previousHref={null}
        nextHref={annotating ? null : nextHref}
        onNext={annotating && !lease.lost ? submitOrAsk : undefined}
        headerSlot={<EditorPresence imageId={imageId} selfId={user.id} onJoined={refetch} />}
        panelSlot={panel}
        handleRef={handle}
      />
      {lease.lost && <LeaseLostBanner message={lease.lost} unsaved={unsaved} projectId={projectId} stage={task.stage} />}
    </>
  );
}
