// Renaming or recolouring a class changes every mask that has it at once
// (masks point at the class), which is what a manager fixing a typo wants.
// The description only guides annotators. Attribute definitions are replaced
// as a whole; values masks already carry for a removed attribute stay stored
// but are no longer shown or exported (they are dropped at the mask's next save).
import { updateLabelClassInput, type UpdateLabelClassInput } from "@/lib/schemas/projects";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function updateLabelClass(options: { actor: Actor; input: UpdateLabelClassInput }) {
  const input = updateLabelClassInput.parse(options.input);
  await requireProjectAccess({ actor: options.actor, projectId: input.projectId, roles: ["manager"], action: "edit label classes" });
  return db().$transaction(async (tx) => {
    const current = await tx.labelClass.findFirst({ where: { id: input.labelClassId, projectId: input.projectId } });
    if (!current) throw new AppError("not_found", "Label class not found.");
    if (input.name !== undefined && input.name !== current.name) {
      const clash = await tx.labelClass.findUnique({ where: { projectId_name: { projectId: input.projectId, name: input.name } } });
      if (clash) throw new AppError("conflict", `A label class named "${input.name}" already exists.`);
    }
    const label = await tx.labelClass.update({
      where: { id: current.id },
      data: {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.color !== undefined && { color: input.color.toLowerCase() }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.attributes !== undefined && { attributes: input.attributes }),
      },
    });
    await recordAuditEvent({
      tx,
      actorId: options.actor.id,
      projectId: input.projectId,
      action: "label.update",
      targetType: "labelClass",
      targetId: label.id,
      data: {
        from: { name: current.name, color: current.color, description: current.description, attributes: current.attributes },
        to: { name: label.name, color: label.color, description: label.description, attributes: label.attributes },
      },
    });
    return label;
  });
}
