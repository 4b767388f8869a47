// Ends one of the signed-in person's tokens at once: the next request that
// carries it gets 401. The row stays (revokedAt) for the audit trail.
import { revokeApiTokenInput } from "@/lib/schemas/api-tokens";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { requireSignedInSession } from "./require-signed-in-session";

export async function revokeApiToken(options: { actor: Actor; tokenId: string; now?: Date }): Promise<{ tokenId: string; name: string }> {
  const { actor } = options;
  requireSignedInSession(actor, "revoke API tokens");
  const { tokenId } = revokeApiTokenInput.parse({ tokenId: options.tokenId });
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    // Someone else's token reads as missing: ids of other people's tokens are not confirmed.
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id, revokedAt: null }, select: { id: true, name: true, prefix: true } });
    if (!token) throw new AppError("not_found", "No such API token of yours (it may already be revoked).");
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
    await recordAuditEvent({ tx, actorId: actor.id, action: "api_token.revoke", targetType: "api_token", targetId: token.id, data: { name: token.name, prefix: token.prefix } });
    return { tokenId: token.id, name: token.name };
  });
}
