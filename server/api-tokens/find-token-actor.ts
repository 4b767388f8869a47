// A request carrying `Authorization: Bearer mw_…` acts as the token's owner,
// with the owner's current role (read fresh, like a session). Revoked and
// expired tokens and deactivated owners get nothing.
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { hashApiTokenSecret } from "./api-token-secret";

/** lastUsedAt is written at most once a minute per token, not on every request of a busy script. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function findTokenActor(options: { secret: string; now?: Date }): Promise<Actor | null> {
  const now = options.now ?? new Date();
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashApiTokenSecret(options.secret) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      projectIds: true,
      readOnly: true,
      projectRole: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true } },
    },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || !token.user.active) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db().apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  const { user } = token;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    viaTokenId: token.id,
    ...(token.projectIds.length > 0 ? { tokenProjectIds: token.projectIds } : {}),
    ...(token.readOnly ? { tokenReadOnly: true } : {}),
    ...(token.projectRole === "annotator" || token.projectRole === "reviewer" ? { tokenProjectRole: token.projectRole } : {}),
  };
}
