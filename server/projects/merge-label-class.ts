// Merging two label classes (say "auto" into "car"): every mask of the first
// takes the second's label, keeping the attribute values the second defines,
// then the first class is deleted, all in one transaction. Each moved mask's
// version goes up, so an editor still holding the old label gets a conflict
// on its next save instead of writing it back.
import type { z } from "zod";
import { readLabelAttributes, storedAttributeValuesFor } from "@/lib/schemas/label-attributes";
import { mergeLabelClassInput } from "@/lib/schemas/projects";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";

export async function mergeLabelClass(options: { actor: Actor; input: z.input<typeof mergeLabelClassInput> }): Promise<{ masks: number; into: { id: string; name: string } }> {
  const input = mergeLabelClassInput.parse(options.input);
  const { projectId } = input;
  await requireProjectAccess({ actor: options.actor, projectId, roles: ["manager"], action: "edit label classes" });
  return db().$transaction(async (tx) => {
    const [from, into] = await Promise.all(
      [input.labelClassId, input.intoLabelClassId].map((id) => tx.labelClass.findFirst({ where: { id, projectId }, select: { id: true, name: true, attributes: true } })),
    );
    if (!from) throw new AppError("not_found", "The label class to merge was not found in this project.");
    if (!into) throw new AppError("not_found", "The label class to merge into was not found in this project.");
    const definitions = readLabelAttributes(into.attributes);
    // Masks with attribute values keep those the target class defines; the rest move in one statement.
    const withValues = await tx.annotation.findMany({ where: { labelClassId: from.id, NOT: { attributes: { equals: {} } } }, select: { id: true, attributes: true } });
    for (const row of withValues) {
      const attributes = storedAttributeValuesFor(definitions, row.attributes) as Prisma.InputJsonValue;
      await tx.annotation.update({ where: { id: row.id }, data: { labelClassId: into.id, attributes, version: { increment: 1 } } });
    }
    const rest = await tx.annotation.updateMany({ where: { labelClassId: from.id }, data: { labelClassId: into.id, version: { increment: 1 } } });
    const masks = withValues.length + rest.count;
    await tx.labelClass.delete({ where: { id: from.id } });
    await recordAuditEvent({
      tx,
      actorId: options.actor.id,
      projectId,
      action: "label.merge",
      targetType: "labelClass",
      targetId: into.id,
      data: { from: from.name, into: into.name, masks },
    });
    return { masks, into: { id: into.id, name: into.name } };
  });
}
