// Deleting a class keeps its masks (they become unlabelled) rather than
// destroying annotation work.
import { deleteLabelClassInput } from "@/lib/schemas/projects";
import type { z } from "zod";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function deleteLabelClass(options: { actor: Actor; input: z.input<typeof deleteLabelClassInput> }): Promise<void> {
  const input = deleteLabelClassInput.parse(options.input);
  await requireProjectAccess({ actor: options.actor, projectId: input.projectId, roles: ["manager"], action: "edit label classes" });
  await db().$transaction(async (tx) => {
    const label = await tx.labelClass.findFirst({ where: { id: input.labelClassId, projectId: input.projectId }, select: { name: true } });
    const deleted = await tx.labelClass.deleteMany({ where: { id: input.labelClassId, projectId: input.projectId } });
    if (deleted.count === 0 || !label) throw new AppError("not_found", "Label class not found.");
    // The name is kept in the record: the activity log cannot look up a deleted class.
    await recordAuditEvent({ tx, actorId: options.actor.id, projectId: input.projectId, action: "label.delete", targetType: "labelClass", targetId: input.labelClassId, data: { name: label.name } });
  });
}
