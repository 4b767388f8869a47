// Project managers (and admins) rename a project, rewrite its description,
// its instructions for annotators, its hand-in rules or its review sampling.
// Whatever the change leaves out keeps its value, down to a single rule: the
// Edit form sends everything, a script (PATCH /api/projects/:id) what it means
// to change, and two scripts changing different rules at once both stand.
import { handInRulesSchema, reviewSamplingSchema, updateProjectInput, type UpdateProjectInput } from "@/lib/schemas/projects";
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
    // Locked: a concurrent change to other rules is merged with, not overwritten.
    await tx.$queryRaw`SELECT 1 FROM "Project" WHERE id = ${input.projectId} FOR UPDATE`;
    const before = await tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select: { name: true, description: true, instructions: true, settings: true } });
    // The rules live beside the pre-fill and detector sections of settings: only their own keys are replaced.
    const changed = {
      ...(input.handInRules && { handIn: handInRulesSchema.parse({ ...handInRulesOf(before.settings), ...definedOnly(input.handInRules) }) }),
      ...(input.reviewSampling && { review: reviewSamplingSchema.parse({ ...reviewSamplingOf(before.settings), ...definedOnly(input.reviewSampling) }) }),
    };
    const settings = Object.keys(changed).length > 0 ? ({ ...asRecord(before.settings), ...changed } as Prisma.InputJsonValue) : undefined;
    const project = await tx.project.update({
      where: { id: input.projectId },
      data: { name: input.name, description: input.description, instructions: input.instructions, ...(settings !== undefined && { settings }) },
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

function definedOnly<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<T>;
}
