// Why an action on a task the actor does not (or no longer) hold failed,
// worded for the person at the editor: their work is kept in the browser.
import { AppError } from "../errors/app-error";
import type { TaskRow } from "./task-summary";

export const LEASE_LOST_MESSAGE =
  "Your lease on this image expired or it was handed to someone else. Your unsaved work is kept in this browser; start labeling again to continue.";

export function leaseLostError(task: TaskRow, actorId: string, now: Date = new Date()): AppError {
  // Back in a queue (swept, released, reassigned): the lease is what was lost.
  if (task.status === "todo" || task.status === "rejected") return new AppError("conflict", LEASE_LOST_MESSAGE, { reason: "returned_to_queue", taskStatus: task.status });
  if (task.status !== "in_progress") {
    return new AppError("conflict", `This ${task.stage === "review" ? "review" : "image"} is ${task.status.replace("_", " ")}, not in progress: there is nothing to continue here.`, { taskStatus: task.status });
  }
  if (task.assigneeId !== actorId) return new AppError("conflict", LEASE_LOST_MESSAGE, { reason: "held_by_other" });
  if (task.leaseExpiresAt && task.leaseExpiresAt <= now) return new AppError("conflict", LEASE_LOST_MESSAGE, { reason: "expired" });
  return new AppError("conflict", LEASE_LOST_MESSAGE, { reason: "lost" });
}
