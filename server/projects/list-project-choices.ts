// The projects someone can see, by name only, for a picker (copy label classes
// from ...): one small query, without the counts and progress the project
// list computes.
import type { Actor } from "../auth/actor";
import { visibleProjectsWhere } from "../auth/project-access";
import { db } from "../db/client";

export async function listProjectChoices(options: { actor: Actor; exceptProjectId?: string }): Promise<{ id: string; name: string }[]> {
  const { actor, exceptProjectId } = options;
  return db().project.findMany({
    where: {
      AND: [visibleProjectsWhere(actor), exceptProjectId ? { id: { not: exceptProjectId } } : {}],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
