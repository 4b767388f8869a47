// Project managers (and admins) rename a project, rewrite its description,
// its instructions for annotators, its hand-in rules or its review sampling.
import { updateProjectInput, type UpdateProjectInput } from "@/lib/schemas/projects";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { asRecord } from "@/lib/as-record";
import { handInRulesOf, reviewSamplingOf } from "./read-hand-in-rules";

export async function updateProject(options: { actor: Actor; input: UpdateProjectInput }) {
  const input = updateProjectInput.parse(options.input);
  await requireProjectAccess({ actor: options.actor, projectId: input.projectId, roles: ["manager"], action: "edit the project" });
  return db().$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select: { name: true, description: true, instructions: true, settings: true } });
    // The rules live beside the pre-fill and detector sections of settings: only their own keys are replaced.
    const changed = { ...(input.handInRules && { handIn: input.handInRules }), ...(input.reviewSampling && { review: input.reviewSampling }) };
    const settings = Object.keys(changed).length > 0 ? ({ ...asRecord(before.settings), ...changed } as Prisma.InputJsonValue) : undefined;
    const project = await tx.project.update({
      where: { id: input.projectId },
      data: { name: input.name, description: input.description, ...(input.instructions !== undefined && { instructions: input.instructions }), ...(settings !== undefined && { settings }) },
    });
    await recordAuditEvent({
      tx,
      actorId: options.actor.id,
      projectId: project.id,
      action: "project.update",
      targetType: "project",
      targetId: project.id,
      // The instructions can be long: the record says whether they changed, not what they say.
      data: {
        from: { name: before.name, description: before.description, handIn: handInRulesOf(before.settings), review: reviewSamplingOf(before.settings) },
        to: { name: project.name, description: project.description, handIn: handInRulesOf(project.settings), review: reviewSamplingOf(project.settings) },
        instructionsChanged: before.instructions !== project.instructions,
      },
    });
    return project;
  });
}
