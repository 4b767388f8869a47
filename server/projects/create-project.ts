// Admins and managers create projects; the creator becomes its manager.
import { createProjectInput, type CreateProjectInput } from "@/lib/schemas/projects";
import { db } from "../db/client";
import { requireGlobalRole, type Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function createProject(options: { actor: Actor; input: CreateProjectInput }) {
  requireGlobalRole(options.actor, ["admin", "manager"], "create projects");
  const input = createProjectInput.parse(options.input);
  return db().$transaction(async (tx) => {
    const project = await tx.project.create({
      data: {
        name: input.name,
        description: input.description,
        createdById: options.actor.id,
        memberships: { create: { userId: options.actor.id, role: "manager" } },
      },
    });
    await recordAuditEvent({ tx, actorId: options.actor.id, projectId: project.id, action: "project.create", targetType: "project", targetId: project.id });
    return project;
  });
}
