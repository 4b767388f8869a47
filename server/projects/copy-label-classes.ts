// A manager copies another project's label classes (names, colours, descriptions, attributes, order)
// into this one, e.g. to start the next batch of a dataset with the same
// classes. The source may be any project the manager can see; classes this
// project already has are skipped.
import { readLabelAttributes } from "@/lib/schemas/label-attributes";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { addLabelClasses, type AddedLabelClasses } from "./add-label-classes";

export async function copyLabelClasses(options: { actor: Actor; projectId: string; fromProjectId: string }): Promise<AddedLabelClasses> {
  const { actor, projectId, fromProjectId } = options;
  if (fromProjectId === projectId) throw new AppError("bad_request", "Choose another project to copy the label classes from.");
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "edit label classes" });
  // Any role in the source will do: its label classes are visible to every member.
  await requireProjectAccess({ actor, projectId: fromProjectId });
  const source = await db().labelClass.findMany({ where: { projectId: fromProjectId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { name: true, color: true, description: true, attributes: true } });
  if (source.length === 0) throw new AppError("bad_request", "That project has no label classes to copy.");
  return addLabelClasses({ actor, projectId, labels: source.map((label) => ({ ...label, attributes: readLabelAttributes(label.attributes) })) });
}
