// A project manager adds an existing user (by email) with a project role, or
// changes the role of one who is already a member.
import { addMemberInput, type AddMemberInput } from "@/lib/schemas/projects";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function addProjectMember(options: { actor: Actor; input: AddMemberInput }) {
  const input = addMemberInput.parse(options.input);
  await requireProjectAccess({ actor: options.actor, projectId: input.projectId, roles: ["manager"], action: "manage members" });
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, active: true } });
  if (!user) throw new AppError("not_found", `No user with email ${input.email}. An admin can create the account first.`);
  if (!user.active) throw new AppError("bad_request", `${input.email} is deactivated.`);
  return db().$transaction(async (tx) => {
    const membership = await tx.membership.upsert({
      where: { projectId_userId: { projectId: input.projectId, userId: user.id } },
      create: { projectId: input.projectId, userId: user.id, role: input.role },
      update: { role: input.role },
    });
    await recordAuditEvent({ tx, actorId: options.actor.id, projectId: input.projectId, action: "member.set", targetType: "user", targetId: user.id, data: { role: input.role } });
    return membership;
  });
}
