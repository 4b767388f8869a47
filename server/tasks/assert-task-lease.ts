// The lease rule for saving annotations: an annotator may change an image only
// while holding an unexpired lease on its annotate task, a reviewer only while
// holding the review task's lease; project managers and admins always may.
// Called inside the save's transaction (`tx`), the task row is locked FOR
// SHARE, so the lease cannot be handed to someone else (their claim skips the
// locked row) between this check and the commit.
import type { Actor } from "../auth/actor";
import { canManage, requireProjectAccess, type ProjectAccess } from "../auth/project-access";
import { db, type TaskStage } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { leaseLostError } from "./lease-errors";
import { SQL_NOW } from "./task-sql";
import type { TaskRow } from "./task-summary";

export type EditingGrant = { mode: "manager"; taskId: string | null } | { mode: "lease"; taskId: string; stage: TaskStage };

type LeaseRow = TaskRow & { live: boolean };

/** The lease rule itself, for callers that already resolved the image's project access (assertEditingAllowed). */
export async function assertLeaseForAccess(options: {
  actor: Actor;
  access: ProjectAccess;
  imageId: string;
  taskId?: string | null;
  tx?: Prisma.TransactionClient;
}): Promise<EditingGrant> {
  const { actor, access, imageId } = options;
  const client = options.tx ?? db();
  if (canManage(access)) return { mode: "manager", taskId: options.taskId ?? null };
  const stage: TaskStage = access.role === "reviewer" ? "review" : "annotate";
  const lock = options.tx ? Prisma.sql`FOR SHARE` : Prisma.empty;
  const rows = await client.$queryRaw<LeaseRow[]>`
    SELECT id, "projectId", "imageId", "batchId", stage, status, "assigneeId", "leaseExpiresAt", "lastAnnotatorId",
      ("leaseExpiresAt" > ${SQL_NOW}) AS live
    FROM "Task" WHERE "imageId" = ${imageId} AND stage = ${stage}::"TaskStage" ${lock}`;
  const task = rows[0];
  if (options.taskId && (!task || task.id !== options.taskId)) {
    throw new AppError("forbidden", `That task is not the ${stage} task of this image for your role (${access.role}).`);
  }
  if (!task) throw new AppError("conflict", "This image is not in the work queue: a manager has to add it to a batch first.");
  if (task.status === "in_progress" && task.assigneeId === actor.id && task.live) return { mode: "lease", taskId: task.id, stage };
  throw leaseLostError(task, actor.id);
}

export async function assertTaskLease(options: {
  actor: Actor;
  imageId: string;
  taskId?: string | null;
  tx?: Prisma.TransactionClient;
}): Promise<EditingGrant> {
  const { actor, imageId } = options;
  const client = options.tx ?? db();
  const image = await client.image.findUnique({ where: { id: imageId }, select: { projectId: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  const access = await requireProjectAccess({ actor, projectId: image.projectId, tx: options.tx }).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "Image not found.") : error;
  });
  return assertLeaseForAccess({ ...options, access });
}
