import { db } from "../db/client";
import { requireGlobalRole, type Actor } from "../auth/actor";

export async function listUsers(options: { actor: Actor }) {
  requireGlobalRole(options.actor, ["admin"], "list users");
  return db().user.findMany({
    orderBy: [{ active: "desc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true },
  });
}
