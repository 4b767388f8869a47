// The task shape the routes and the browser see.
import type { TaskStage, TaskStatus } from "../db/client";

export type TaskSummary = {
  id: string;
  projectId: string;
  imageId: string;
  batchId: string | null;
  stage: TaskStage;
  status: TaskStatus;
  assigneeId: string | null;
  leaseExpiresAt: string | null;
  lastAnnotatorId: string | null;
};

export type TaskRow = {
  id: string;
  projectId: string;
  imageId: string;
  batchId: string | null;
  stage: TaskStage;
  status: TaskStatus;
  assigneeId: string | null;
  leaseExpiresAt: Date | null;
  lastAnnotatorId: string | null;
};

export const TASK_ROW_SELECT = {
  id: true,
  projectId: true,
  imageId: true,
  batchId: true,
  stage: true,
  status: true,
  assigneeId: true,
  leaseExpiresAt: true,
  lastAnnotatorId: true,
} as const;

export function toTaskSummary(row: TaskRow): TaskSummary {
  return { ...row, leaseExpiresAt: row.leaseExpiresAt ? row.leaseExpiresAt.toISOString() : null };
}

/** Where the browser goes to work on a task. */
/** The page of a task; with a batch focus, its next page stays in that batch (`batch=`). */
export function taskPath(task: Pick<TaskSummary, "id" | "projectId" | "imageId" | "stage">, batchId?: string): string {
  const focus = batchId ? `batch=${encodeURIComponent(batchId)}` : "";
  return task.stage === "annotate"
    ? `/projects/${task.projectId}/annotate/${task.imageId}?task=${task.id}${focus ? `&${focus}` : ""}`
    : `/projects/${task.projectId}/review/${task.id}${focus ? `?${focus}` : ""}`;
}

/** A claim as the routes answer it: the task and the page to open, or nothing left. */
export function claimResponse(result: { task: TaskSummary | null; resumed: boolean } | null, batchId?: string) {
  if (!result?.task) return { task: null, resumed: false, path: null };
  return { task: result.task, resumed: result.resumed, path: taskPath(result.task, batchId) };
}
