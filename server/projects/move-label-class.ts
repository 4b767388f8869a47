// Moves a class one place up or down. The list order is the editor's 1-9
// shortcut order, so managers put the frequent classes first. Positions are
// renumbered 0..n-1 in the same transaction, which also repairs gaps and ties
// left by deletions or older rows.
import { moveLabelClassInput, type MoveLabelClassInput } from "@/lib/schemas/projects";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function moveLabelClass(options: { actor: Actor; input: MoveLabelClassInput }): Promise<string[]> {
  const input = moveLabelClassInput.parse(options.input);
  await requireProjectAccess({ actor: options.actor, projectId: input.projectId, roles: ["manager"], action: "edit label classes" });
  return db().$transaction(async (tx) => {
    // Locked, so two managers reordering at once apply one after the other.
    await tx.$queryRaw`SELECT id FROM "LabelClass" WHERE "projectId" = ${input.projectId} FOR UPDATE`;
    const labels = await tx.labelClass.findMany({ where: { projectId: input.projectId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
    const ids = labels.map((label) => label.id);
    const from = ids.indexOf(input.labelClassId);
    if (from < 0) throw new AppError("not_found", "Label class not found.");
    const to = from + input.direction;
    // Already first (or last): nothing to do, and not an error for a double click.
    if (to < 0 || to >= ids.length) return ids;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    for (const [position, id] of ids.entries()) await tx.labelClass.update({ where: { id }, data: { position } });
    await recordAuditEvent({ tx, actorId: options.actor.id, projectId: input.projectId, action: "label.move", targetType: "labelClass", targetId: input.labelClassId, data: { position: to } });
    return ids;
  });
}
