"use client";

// Submit / Skip / Stop for the task open in the editor. Submit and Skip hand
// the image on and open the next image of the queue directly (the server
// claims it in the same request), or the queue page with a "queue empty"
// note. `beforeLeave` runs first: the editor waits for its saves there and
// returns a message when something is not saved (the image then stays).
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { taskApi, type ClaimAnswer } from "./task-api";
import { useBatchFocus } from "./use-batch-focus";

export type TaskActions = {
  submit: () => void;
  skip: (reason: string) => void;
  stop: () => void;
  pending: boolean;
  error: string | null;
};

const nextOrQueue = (next: ClaimAnswer, queuePath: string, done: string) => next.path ?? `${queuePath}?done=${done}`;

export function useTaskActions(options: { projectId: string; taskId: string; beforeLeave?: () => Promise<string | null> }): TaskActions {
  const { projectId, taskId, beforeLeave } = options;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const queuePath = `/projects/${projectId}/queue`;
  const focus = useBatchFocus().query;

  const run = useCallback(
    (action: () => Promise<string>) =>
      startTransition(async () => {
        setError(null);
        try {
          const problem = (await beforeLeave?.()) ?? null;
          if (problem) return setError(problem);
          router.push(await action());
        } catch (failure) {
          setError(failure instanceof Error ? failure.message : String(failure));
        }
      }),
    [beforeLeave, router],
  );
  const task = `/api/tasks/${encodeURIComponent(taskId)}`;
  const submit = useCallback(
    () => run(async () => nextOrQueue((await taskApi<{ next: ClaimAnswer }>(`${task}/submit${focus}`, { method: "POST" })).next, queuePath, "submitted")),
    [run, task, queuePath, focus],
  );
  const skip = useCallback(
    (reason: string) => run(async () => nextOrQueue((await taskApi<{ next: ClaimAnswer }>(`${task}/skip${focus}`, { method: "POST", body: { reason } })).next, queuePath, "skipped")),
    [run, task, queuePath, focus],
  );
  const stop = useCallback(
    () =>
      run(async () => {
        await taskApi(`${task}/release`, { method: "POST" });
        return queuePath;
      }),
    [run, task, queuePath],
  );
  return { submit, skip, stop, pending, error };
}
