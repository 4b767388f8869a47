// Admin sets a new password; the user's existing sessions end.
import { hashPassword } from "better-auth/crypto";
import { resetPasswordInput, type ResetPasswordInput } from "@/lib/schemas/users";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { requireGlobalRole, type Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function resetUserPassword(options: { actor: Actor; input: ResetPasswordInput }): Promise<void> {
  requireGlobalRole(options.actor, ["admin"], "reset passwords");
  const input = resetPasswordInput.parse(options.input);
  const hash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    const updated = await tx.account.updateMany({ where: { userId: input.userId, providerId: "credential" }, data: { password: hash } });
    if (updated.count === 0) throw new AppError("not_found", "User not found.");
    await tx.session.deleteMany({ where: { userId: input.userId } });
    await recordAuditEvent({ tx, actorId: options.actor.id, action: "user.reset_password", targetType: "user", targetId: input.userId });
  });
}
