// Loads a task the actor may see: any member of its project. A task in a
// project the actor cannot see is "not found", like the project itself.
import type { Actor } from "../auth/actor";
import { requireProjectAccess, type ProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { TASK_ROW_SELECT, type TaskRow } from "./task-summary";

export async function findTaskForActor(options: { actor: Actor; taskId: string }): Promise<{ task: TaskRow; access: ProjectAccess }> {
  const task = await db().task.findUnique({ where: { id: options.taskId }, select: TASK_ROW_SELECT });
  if (!task) throw new AppError("not_found", "Task not found.");
  try {
    const access = await requireProjectAccess({ actor: options.actor, projectId: task.projectId });
    return { task, access };
  } catch (error) {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "Task not found.") : error;
  }
}
