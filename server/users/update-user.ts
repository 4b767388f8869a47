// Admin changes a user's role or (de)activates them. Deactivation ends their
// sessions at once; the last active admin cannot demote or lock themselves out.
import { updateUserInput, type UpdateUserInput } from "@/lib/schemas/users";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { requireGlobalRole, type Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { handleAccessRevoked } from "../realtime/handle-access-revoked";

export async function updateUser(options: { actor: Actor; input: UpdateUserInput }) {
  requireGlobalRole(options.actor, ["admin"], "change users");
  const input = updateUserInput.parse(options.input);
  const target = await db().user.findUnique({ where: { id: input.userId }, select: { id: true, role: true, active: true } });
  if (!target) throw new AppError("not_found", "User not found.");
  const losesAdmin = target.role === "admin" && ((input.role && input.role !== "admin") || input.active === false);
  if (losesAdmin) {
    const admins = await db().user.count({ where: { role: "admin", active: true } });
    if (admins <= 1) throw new AppError("conflict", "This is the last active admin: make another admin first.");
  }
  const updated = await db().$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, active: input.active },
      select: { id: true, email: true, name: true, role: true, active: true },
    });
    if (input.active === false) await tx.session.deleteMany({ where: { userId: input.userId } });
    await recordAuditEvent({ tx, actorId: options.actor.id, action: "user.update", targetType: "user", targetId: user.id, data: { role: input.role ?? null, active: input.active ?? null } });
    return user;
  });
  // After the commit: their work returns to the pool, their sockets are disconnected.
  if (input.active === false) await handleAccessRevoked({ userId: input.userId });
  return updated;
}
