// The heading of the queue, batch, review and history pages: the project's
// name, its instructions and hand-in rules, and the actor's role in it (checked like every other read).
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { handInRulesOf } from "../projects/read-hand-in-rules";

export async function getWorkPageContext(options: { actor: Actor; projectId: string }) {
  const access = await requireProjectAccess({ actor: options.actor, projectId: options.projectId });
  const project = await db().project.findUniqueOrThrow({
    where: { id: options.projectId },
    select: { id: true, name: true, instructions: true, settings: true, labelClasses: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true, color: true } } },
  });
  const { settings, ...rest } = project;
  return { ...rest, handInRules: handInRulesOf(settings), role: access.role, canManage: access.role === "admin" || access.role === "manager" };
}
