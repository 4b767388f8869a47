// A manager adds many label classes at once (a pasted list, or another
// project's set): appended in the given order after the existing ones, a
// name the project already has is skipped (and reported), colours come from
// the list or the palette. One transaction, an audit record per class.
import type { LabelAttribute } from "@/lib/schemas/label-attributes";
import { paletteColour } from "@/lib/label-palette";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";

export type AddedLabelClasses = { created: string[]; skipped: string[] };

export async function addLabelClasses(options: { actor: Actor; projectId: string; labels: { name: string; color?: string; description?: string; attributes?: LabelAttribute[] }[] }): Promise<AddedLabelClasses> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "edit label classes" });
  return db().$transaction(async (tx) => {
    const existing = await tx.labelClass.findMany({ where: { projectId }, select: { name: true } });
    const taken = new Set(existing.map((label) => label.name));
    let position = existing.length;
    const created: string[] = [];
    const skipped: string[] = [];
    for (const label of options.labels) {
      if (taken.has(label.name)) {
        skipped.push(label.name);
        continue;
      }
      const row = await tx.labelClass.create({ data: { projectId, name: label.name, color: (label.color ?? paletteColour(position)).toLowerCase(), description: label.description ?? "", attributes: label.attributes ?? [], position } });
      await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "label.create", targetType: "labelClass", targetId: row.id, data: { name: row.name } });
      taken.add(label.name);
      created.push(label.name);
      position += 1;
    }
    return { created, skipped };
  });
}
