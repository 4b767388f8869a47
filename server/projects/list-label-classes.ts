// A project's label classes in the editor's order, with their attributes and
// how many live masks carry each. Any member may read them.
import { readLabelAttributes, type LabelAttribute } from "@/lib/schemas/label-attributes";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";

export type LabelClassDto = { id: string; name: string; color: string; description: string; position: number; attributes: LabelAttribute[]; maskCount: number };

export async function listLabelClasses(options: { actor: Actor; projectId: string }): Promise<LabelClassDto[]> {
  await requireProjectAccess({ actor: options.actor, projectId: options.projectId });
  const rows = await db().labelClass.findMany({
    where: { projectId: options.projectId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true, color: true, description: true, position: true, attributes: true, _count: { select: { annotations: { where: { deletedAt: null } } } } },
  });
  return rows.map(({ _count, attributes, ...label }) => ({ ...label, attributes: readLabelAttributes(attributes), maskCount: _count.annotations }));
}
