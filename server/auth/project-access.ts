// Project-level authorisation. Admins see every project; everybody else only
// the projects they are members of. A project the actor may not see is
// reported as not found, so its existence does not leak.
import { db, type ProjectRole } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { Actor } from "./actor";

export type ProjectAccess = { projectId: string; role: ProjectRole | "admin" };

export async function requireProjectAccess(options: {
  actor: Actor;
  projectId: string;
  roles?: readonly ProjectRole[];
  action?: string;
  /** Inside a transaction, check with its client (the embedded database serves one connection at a time). */
  tx?: Prisma.TransactionClient;
}): Promise<ProjectAccess> {
  const { actor, projectId, roles, action } = options;
  const client = options.tx ?? db();
  if (actor.role === "admin") {
    const exists = await client.project.count({ where: { id: projectId } });
    if (!exists) throw new AppError("not_found", "Project not found.");
    requireTokenScope(actor, projectId);
    return { projectId, role: "admin" };
  }
  const membership = await client.membership.findUnique({
    where: { projectId_userId: { projectId, userId: actor.id } },
    select: { role: true },
  });
  if (!membership) throw new AppError("not_found", "Project not found.");
  if (roles && !roles.includes(membership.role)) {
    throw new AppError("forbidden", `Your project role (${membership.role}) may not ${action ?? "do this"}.`);
  }
  requireTokenScope(actor, projectId);
  return { projectId, role: membership.role };
}

/** A token limited to other projects is refused here (after the owner's own access, so nothing about other projects leaks). */
function requireTokenScope(actor: Actor, projectId: string): void {
  if (actor.tokenProjectIds && !actor.tokenProjectIds.includes(projectId)) {
    throw new AppError("forbidden", "This API token is limited to other projects; make one that includes this project (Your account → API tokens).");
  }
}

/** The projects the actor may see, as a where clause: admins all, others their memberships, narrowed to a token's projects. */
export function visibleProjectsWhere(actor: Actor): Prisma.ProjectWhereInput {
  return {
    ...(actor.role === "admin" ? {} : { memberships: { some: { userId: actor.id } } }),
    ...(actor.tokenProjectIds ? { id: { in: actor.tokenProjectIds } } : {}),
  };
}

export function canManage(access: ProjectAccess): boolean {
  return access.role === "admin" || access.role === "manager";
}
