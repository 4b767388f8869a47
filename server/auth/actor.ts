// Who is asking. Every server function takes an Actor and checks it itself;
// route handlers and server actions only resolve it from the request.
import { db, type GlobalRole } from "../db/client";
import { auth } from "./auth";
import { AppError } from "../errors/app-error";

export type Actor = { id: string; email: string; name: string; role: GlobalRole };

/** Resolves the session from request headers; null when signed out or deactivated. */
export async function findActor(headers: Headers): Promise<Actor | null> {
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
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  return actor;
}

export function requireGlobalRole(actor: Actor, roles: readonly GlobalRole[], action: string): void {
  if (!roles.includes(actor.role)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not ${action}.`);
  }
}
