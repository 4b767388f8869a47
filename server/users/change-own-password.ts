// Anyone signed in replaces their own password (the demo accounts, or one an
// admin handed out). The current password must be right; every other session
// of the user ends, so a stolen session does not outlive the change, while
// the one making the change stays signed in.
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { changeOwnPasswordInput, type ChangeOwnPasswordInput } from "@/lib/schemas/users";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { requireSignedInSession } from "../api-tokens/require-signed-in-session";

export async function changeOwnPassword(options: { actor: Actor; keepSessionId: string | null; input: ChangeOwnPasswordInput }): Promise<{ endedSessions: number }> {
  const { actor, keepSessionId } = options;
  requireSignedInSession(actor, "change the password");
  const input = changeOwnPasswordInput.parse(options.input);
  const account = await db().account.findFirst({ where: { userId: actor.id, providerId: "credential" }, select: { id: true, password: true } });
  if (!account?.password) throw new AppError("bad_request", "This account has no password to change.");
  if (!(await verifyPassword({ hash: account.password, password: input.currentPassword }))) {
    await recordAuditEvent({ actorId: actor.id, action: "user.change_password_refused", targetType: "user", targetId: actor.id });
    throw new AppError("bad_request", "The current password is not right.");
  }
  const hash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    await tx.account.update({ where: { id: account.id }, data: { password: hash } });
    const ended = await tx.session.deleteMany({ where: { userId: actor.id, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
    await recordAuditEvent({ tx, actorId: actor.id, action: "user.change_password", targetType: "user", targetId: actor.id, data: { endedSessions: ended.count } });
    return { endedSessions: ended.count };
  });
}
