// Removing a member takes effect at their next request (authorisation reads
// memberships on every call). A project keeps at least one manager.
import { removeMemberInput } from "@/lib/schemas/projects";
import type { z } from "zod";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { handleAccessRevoked } from "../realtime/handle-access-revoked";

export async function removeProjectMember(options: { actor: Actor; input: z.input<typeof removeMemberInput> }): Promise<void> {
  const input = removeMemberInput.parse(options.input);
  await requireProjectAccess({ actor: options.actor, projectId: input.projectId, roles: ["manager"], action: "manage members" });
  await db().$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { projectId_userId: input } });
    if (!membership) throw new AppError("not_found", "That user is not a member of this project.");
    if (membership.role === "manager") {
      const managers = await tx.membership.count({ where: { projectId: input.projectId, role: "manager" } });
      if (managers <= 1) throw new AppError("conflict", "A project needs at least one manager: add another manager first.");
    }
    await tx.membership.delete({ where: { projectId_userId: input } });
    await recordAuditEvent({ tx, actorId: options.actor.id, projectId: input.projectId, action: "member.remove", targetType: "user", targetId: input.userId });
  });
  // After the commit: their work returns to the pool, their sockets leave the project's rooms.
  await handleAccessRevoked({ userId: input.userId, projectId: input.projectId });
}
