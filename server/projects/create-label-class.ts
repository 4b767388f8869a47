import { labelClassInput, type LabelClassInput } from "@/lib/schemas/projects";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function createLabelClass(options: { actor: Actor; input: LabelClassInput }) {
  const input = labelClassInput.parse(options.input);
  await requireProjectAccess({ actor: options.actor, projectId: input.projectId, roles: ["manager"], action: "edit label classes" });
  const clash = await db().labelClass.findUnique({ where: { projectId_name: { projectId: input.projectId, name: input.name } } });
  if (clash) throw new AppError("conflict", `A label class named "${input.name}" already exists.`);
  return db().$transaction(async (tx) => {
    const position = await tx.labelClass.count({ where: { projectId: input.projectId } });
    const label = await tx.labelClass.create({ data: { projectId: input.projectId, name: input.name, color: input.color.toLowerCase(), position } });
    await recordAuditEvent({ tx, actorId: options.actor.id, projectId: input.projectId, action: "label.create", targetType: "labelClass", targetId: label.id, data: { name: label.name } });
    return label;
  });
}
