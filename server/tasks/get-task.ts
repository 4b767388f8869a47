// One task with what the editor or review view needs around it: the image,
// who holds it and whether the actor's lease is live.
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { findTaskForActor } from "./find-task-for-actor";
import { toTaskSummary, type TaskSummary } from "./task-summary";

export type TaskDetails = TaskSummary & {
  image: { id: string; fileName: string; width: number; height: number };
  assignee: { id: string; name: string } | null;
  heldByMe: boolean;
  skipReason: string | null;
  batch: { id: string; name: string } | null;
};

export async function getTask(options: { actor: Actor; taskId: string }): Promise<TaskDetails> {
  const { task } = await findTaskForActor(options);
  const [extra, assignee] = await Promise.all([
    db().task.findUniqueOrThrow({
      where: { id: task.id },
      select: { skipReason: true, image: { select: { id: true, fileName: true, width: true, height: true } }, batch: { select: { id: true, name: true } } },
    }),
    task.assigneeId ? db().user.findUnique({ where: { id: task.assigneeId }, select: { id: true, name: true } }) : Promise.resolve(null),
  ]);
  const live = task.status === "in_progress" && task.leaseExpiresAt !== null && task.leaseExpiresAt.getTime() > Date.now();
  return {
    ...toTaskSummary(task),
    image: extra.image,
    batch: extra.batch,
    skipReason: extra.skipReason,
    assignee,
    heldByMe: live && task.assigneeId === options.actor.id,
  };
}
