// Live task updates, emitted after the commit that made them: the project
// room (batch pages, queue pages, progress), the image room (editor, review
// view) and, for assignments, the assignee's own room.
import { publishEvent, imageRoom, userRoom } from "../realtime/publish-event";
import { projectRoom } from "../realtime/socket-server";
import type { TaskSummary } from "./task-summary";

export type TaskChange = Pick<TaskSummary, "id" | "projectId" | "imageId" | "batchId" | "stage" | "status" | "assigneeId">;

export type TaskChangedEvent = { projectId: string; tasks: TaskChange[] };

export function publishTaskChanges(options: { projectId: string; tasks: TaskChange[] }): void {
  if (options.tasks.length === 0) return;
  const tasks = options.tasks.map(({ id, projectId, imageId, batchId, stage, status, assigneeId }) => ({ id, projectId, imageId, batchId, stage, status, assigneeId }));
  publishEvent({ rooms: [projectRoom(options.projectId)], event: "task:changed", payload: { projectId: options.projectId, tasks } satisfies TaskChangedEvent });
  // Image rooms get only their own task, so a viewer learns the image was submitted/accepted.
  for (const task of tasks) publishEvent({ rooms: [imageRoom(task.imageId)], event: "task:changed", payload: { projectId: options.projectId, tasks: [task] } });
}

export type TasksAssignedEvent = { projectId: string; batchId: string | null; count: number };

/** Tells each annotator how many open tasks were just put in their queue. */
export function publishAssignments(options: { projectId: string; batchId: string | null; countsByUser: Map<string, number> }): void {
  for (const [userId, count] of options.countsByUser) {
    if (count === 0) continue;
    publishEvent({ rooms: [userRoom(userId)], event: "tasks:assigned", payload: { projectId: options.projectId, batchId: options.batchId, count } satisfies TasksAssignedEvent });
  }
}

export function publishBatchChanged(options: { projectId: string; batchId: string }): void {
  publishEvent({ rooms: [projectRoom(options.projectId)], event: "batch:changed", payload: options });
}
