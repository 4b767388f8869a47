// One project as a script sees it (GET /api/projects/:id): what the Edit form
// shows, for any member. Review sampling is for managers only: annotators are
// not told which hand-ins are reviewed.
import type { Actor } from "../auth/actor";
import { canManage, requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { handInRulesOf, reviewSamplingOf } from "./read-hand-in-rules";

export async function readProjectSettings(options: { actor: Actor; projectId: string }) {
  const access = await requireProjectAccess({ actor: options.actor, projectId: options.projectId });
  const project = await db().project.findUniqueOrThrow({
    where: { id: options.projectId },
    select: { id: true, name: true, description: true, instructions: true, modelId: true, imageAttributes: true, settings: true, createdAt: true, updatedAt: true },
  });
  const { settings, ...fields } = project;
  return {
    ...fields,
    role: access.role,
    handInRules: handInRulesOf(settings),
    ...(canManage(access) && { reviewSampling: reviewSamplingOf(settings) }),
  };
}
