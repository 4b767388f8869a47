// Anyone signed in makes tokens for their own scripts. The secret is returned
// once and never stored; the list shows its first characters only.
import { createApiTokenInput, type ApiTokenDto, type CreateApiTokenInput } from "@/lib/schemas/api-tokens";
import type { Actor } from "../auth/actor";
import { visibleProjectsWhere } from "../auth/project-access";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { apiTokenDtoSelect, toApiTokenDto } from "./api-token-dto";
import { generateApiTokenSecret } from "./api-token-secret";
import { requireSignedInSession } from "./require-signed-in-session";

/** Live (not revoked, not expired) tokens one person may hold; keeps forgotten tokens from piling up. */
export const MAX_LIVE_API_TOKENS = 25;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function createApiToken(options: { actor: Actor; input: CreateApiTokenInput; now?: Date }): Promise<{ token: ApiTokenDto; secret: string }> {
  const { actor } = options;
  const now = options.now ?? new Date();
  requireSignedInSession(actor, "create API tokens");
  const input = createApiTokenInput.parse(options.input);
  const live = await db().apiToken.count({
    where: { userId: actor.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (live >= MAX_LIVE_API_TOKENS) {
    throw new AppError("bad_request", `You already have ${live} live API tokens (at most ${MAX_LIVE_API_TOKENS}); revoke one you no longer use first.`);
  }
  const { secret, tokenHash, prefix } = generateApiTokenSecret();
  const expiresAt = input.lifetime === "never" ? null : new Date(now.getTime() + Number(input.lifetime) * DAY_MS);
  const projectIds = [...new Set(input.projectIds ?? [])];
  const readOnly = input.readOnly ?? false;
  return db().$transaction(async (tx) => {
    // Only projects the owner reaches now; an unknown id is named without saying whether it exists.
    const reachable = await tx.project.findMany({
      where: { AND: [{ id: { in: projectIds } }, visibleProjectsWhere(actor)] },
      select: { id: true, name: true },
    });
    const unknown = projectIds.find((id) => !reachable.some((project) => project.id === id));
    if (unknown) throw new AppError("bad_request", `You are not a member of a project with id "${unknown}": a token can only be limited to your own projects.`);
    const row = await tx.apiToken.create({
      data: { userId: actor.id, name: input.name, tokenHash, prefix, createdAt: now, expiresAt, projectIds, readOnly, projectRole: input.projectRole ?? null },
      select: apiTokenDtoSelect,
    });
    await recordAuditEvent({
      tx,
      actorId: actor.id,
      action: "api_token.create",
      targetType: "api_token",
      targetId: row.id,
      data: { name: row.name, prefix, expiresAt: expiresAt?.toISOString() ?? null, projectIds, readOnly },
    });
    return { token: toApiTokenDto(row, new Map(reachable.map((project) => [project.id, project.name]))), secret };
  });
}
