// Who is asking. Every server function takes an Actor and checks it itself;
// route handlers and server actions only resolve it from the request.
import { db, type GlobalRole } from "../db/client";
import { auth } from "./auth";
import { AppError } from "../errors/app-error";
import { readBearerToken } from "../api-tokens/api-token-secret";
import { findTokenActor } from "../api-tokens/find-token-actor";

/**
 * viaTokenId: the request came with an API token (scripts), not a browser session.
 * tokenProjectIds: the token is limited to these projects (absent: every project of its owner).
 * tokenReadOnly: the token may only read.
 * tokenProjectRole: the token acts with at most this project role (project-access.ts).
 */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: GlobalRole;
  viaTokenId?: string;
  tokenProjectIds?: string[];
  tokenReadOnly?: boolean;
  tokenProjectRole?: "annotator" | "reviewer";
};

/**
 * Resolves who is asking from request headers: an API token when the request
 * carries `Authorization: Bearer`, else the session cookie. Null when signed
 * out, deactivated, or the token is not a live one.
 */
export async function findActor(headers: Headers): Promise<Actor | null> {
  // A request that names a token is judged by that token alone, never by a cookie it also carries.
  const bearer = readBearerToken(headers);
  if (bearer.kind === "malformed") return null;
  if (bearer.kind === "token") return findTokenActor({ secret: bearer.secret });
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  // Read role and active state fresh: a demotion or deactivation applies at the next call.
  const user = await db().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function requireActor(headers: Headers): Promise<Actor> {
  const actor = await findActor(headers);
  if (!actor) {
    const bearer = readBearerToken(headers);
    if (bearer.kind === "malformed") throw new AppError("unauthenticated", "The Authorization header is not 'Bearer mw_…' with a Maskwright API token.");
    if (bearer.kind === "token") throw new AppError("unauthenticated", "This API token is not valid: it is revoked, expired, mistyped, or its account is deactivated.");
    throw new AppError("unauthenticated", "Sign in to continue.");
  }
  return actor;
}

export function requireGlobalRole(actor: Actor, roles: readonly GlobalRole[], action: string): void {
  // Installation-wide actions (users, new projects, system status) are outside any project a token is limited to.
  if (actor.tokenProjectIds) throw new AppError("forbidden", `This API token is limited to chosen projects, so it may not ${action}.`);
  if (actor.tokenProjectRole) throw new AppError("forbidden", `This API token acts as ${actor.tokenProjectRole === "annotator" ? "an annotator" : "a reviewer"} only, so it may not ${action}.`);
  if (!roles.includes(actor.role)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not ${action}.`);
  }
}
