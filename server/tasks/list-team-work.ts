// The Members tab's work table for project managers: every member's tallies
// (see countWorkByMember), in the member list's order.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { countWorkByMember, type MemberWork } from "./count-work-by-member";

export type TeamWorkRow = { userId: string; name: string; role: string } & MemberWork;

export async function listTeamWork(options: { actor: Actor; projectId: string }): Promise<TeamWorkRow[]> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "see the team's work" });
  const members = await db().membership.findMany({
    where: { projectId },
    orderBy: { createdAt: "asc" },
    select: { role: true, user: { select: { id: true, name: true } } },
  });
  const work = await countWorkByMember({ projectId, userIds: members.map((member) => member.user.id) });
  return members.map((member) => ({ userId: member.user.id, name: member.user.name, role: member.role, ...work.get(member.user.id)! }));
}
