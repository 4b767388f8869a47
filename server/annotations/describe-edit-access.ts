// Whether the person opening the editor may save on this image right now, and
// if not, why, in words for them. The editor opens read-only with the reason
// instead of letting someone draw and then refusing the first save: an
// annotator who opens an image card (not through the queue) holds no lease.
// The saves themselves are still checked by assertEditingAllowed.
import type { Actor } from "../auth/actor";
import { canManage, type ProjectAccess } from "../auth/project-access";
import { isAppError, type AppError } from "../errors/app-error";
import { assertLeaseForAccess } from "../tasks/assert-task-lease";
import { EDITING_ROLES } from "./assert-editing-allowed";

export type EditAccess = { canEdit: true; readOnlyReason: null } | { canEdit: false; readOnlyReason: string };

const FROM_QUEUE = "Edits are saved only on an image you have taken from the queue: use Start labeling (or Start reviewing) to take one.";

export async function describeEditAccess(options: { actor: Actor; access: ProjectAccess; imageId: string }): Promise<EditAccess> {
  const { actor, access, imageId } = options;
  if (access.role !== "admin" && !EDITING_ROLES.includes(access.role)) {
    return { canEdit: false, readOnlyReason: "Your role in this project can view images, not edit them." };
  }
  if (canManage(access)) return { canEdit: true, readOnlyReason: null };
  try {
    await assertLeaseForAccess({ actor, access, imageId });
    return { canEdit: true, readOnlyReason: null };
  } catch (error) {
    if (isAppError(error) && (error.code === "conflict" || error.code === "forbidden")) return { canEdit: false, readOnlyReason: reasonFor(error) };
    throw error;
  }
}

/** The lease errors are worded for a save that failed; here nothing was lost yet. */
function reasonFor(error: AppError): string {
  const reason = error.details?.reason;
  if (reason === "held_by_other") return "Someone else is working on this image right now: you can look, not edit.";
  if (reason === "expired") return "Your time on this image ran out. Use Start labeling (or Start reviewing) to take it again.";
  if (reason === "returned_to_queue" || reason === "lost") return FROM_QUEUE;
  // Not in a batch yet, or already submitted / accepted: the server's own sentence says which.
  return error.message;
}
