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
  let owned: ProjectRole | "admin";
  if (actor.role === "admin") {
    const exists = await client.project.count({ where: { id: projectId } });
    if (!exists) throw new AppError("not_found", "Project not found.");
    owned = "admin";
  } else {
    const membership = await client.membership.findUnique({
      where: { projectId_userId: { projectId, userId: actor.id } },
      select: { role: true },
    });
    if (!membership) throw new AppError("not_found", "Project not found.");
    owned = membership.role;
  }
  requireTokenScope(actor, projectId);
  const role = tokenCappedRole(actor, owned);
  if (roles && (role === "admin" ? false : !roles.includes(role))) {
    throw new AppError("forbidden", `${actor.tokenProjectRole ? "This API token's" : "Your"} project role (${role}) may not ${action ?? "do this"}.`);
  }
  return { projectId, role };
}

/**
 * The role a request acts with: the owner's, or a token's project role where
 * the owner's covers it (the same role, manager or admin). A token acting as
 * an annotator where its owner only reviews reaches nothing there.
 */
function tokenCappedRole(actor: Actor, owned: ProjectRole | "admin"): ProjectRole | "admin" {
  const cap = actor.tokenProjectRole;
  if (!cap) return owned;
  if (owned === cap || owned === "manager" || owned === "admin") return cap;
  throw new AppError("forbidden", `This API token acts as ${cap === "annotator" ? "an annotator" : "a reviewer"}, and your role in this project (${owned}) does not include that.`);
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
    ...(actor.role === "admin"
      ? {}
      : { memberships: { some: { userId: actor.id, ...(actor.tokenProjectRole && { role: { in: [actor.tokenProjectRole, "manager" as const] } }) } } }),
    ...(actor.tokenProjectIds ? { id: { in: actor.tokenProjectIds } } : {}),
  };
}

export function canManage(access: ProjectAccess): boolean {
  return access.role === "admin" || access.role === "manager";
}
