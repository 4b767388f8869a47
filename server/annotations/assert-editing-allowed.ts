// The one gate every annotation write goes through. Today: the image exists
// and the actor is a member of its project with an editing role (admins
// always pass); a non-member gets "not found", so nothing leaks.
//
// Lease rule (issue 5, server/tasks/assert-task-lease.ts): an annotator saves
// only while holding a live lease on the image's annotate task, a reviewer on
// its review task; managers and admins always. A save after the lease was lost
// is a 409 "conflict" with a clear message; the editor keeps the work locally.
// create/update/delete call it inside their write transaction (`tx`): every
// read goes through that client, the task row is locked FOR SHARE, and the
// lease check commits together with the write — a lease cannot be lost
// between the check and the save.
import type { Actor } from "../auth/actor";
import { requireProjectAccess, type ProjectAccess } from "../auth/project-access";
import { db, type ProjectRole } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { assertLeaseForAccess } from "../tasks/assert-task-lease";

export const EDITING_ROLES: readonly ProjectRole[] = ["annotator", "reviewer", "manager"];

export interface EditingContext {
  access: ProjectAccess;
  image: { id: string; projectId: string; width: number; height: number };
  taskId: string | null;
}

export async function assertEditingAllowed(options: {
  actor: Actor;
  imageId: string;
  taskId?: string | null;
  tx?: Prisma.TransactionClient;
}): Promise<EditingContext> {
  const { actor, imageId } = options;
  const client = options.tx ?? db();
  const image = await client.image.findUnique({
    where: { id: imageId },
    select: { id: true, projectId: true, width: true, height: true },
  });
  if (!image) throw new AppError("not_found", "Image not found.");
  // Membership is checked before anything about the task is revealed.
  const access = await requireProjectAccess({ actor, projectId: image.projectId, roles: EDITING_ROLES, action: "edit annotations", tx: options.tx }).catch(
    (error: unknown) => {
      // Same answer for "no such image" and "not your project".
      if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "Image not found.");
      throw error;
    },
  );
  const taskId = options.taskId ?? null;
  if (taskId !== null) {
    const task = await client.task.findFirst({ where: { id: taskId, imageId }, select: { id: true } });
    if (!task) throw new AppError("bad_request", "The task does not belong to this image.");
  }
  await assertLeaseForAccess({ actor, access, imageId, taskId, tx: options.tx });
  return { access, image, taskId };
}
