// Tasks can be assigned only to project members who may label: annotators
// and managers. Anyone else is a clear 400, naming the problem.
import { db } from "../db/client";
import { AppError } from "../errors/app-error";

export async function requireAssignableMembers(options: { projectId: string; userIds: string[] }): Promise<Map<string, string>> {
  const unique = [...new Set(options.userIds)];
  if (unique.length === 0) return new Map();
  const members = await db().membership.findMany({
    where: { projectId: options.projectId, userId: { in: unique } },
    select: { userId: true, role: true, user: { select: { name: true, active: true } } },
  });
  const names = new Map<string, string>();
  for (const userId of unique) {
    const member = members.find((candidate) => candidate.userId === userId);
    if (!member) throw new AppError("bad_request", `User ${userId} is not a member of this project.`);
    if (!member.user.active) throw new AppError("bad_request", `${member.user.name} is deactivated.`);
    if (member.role === "reviewer") throw new AppError("bad_request", `${member.user.name} is a reviewer here; only annotators and managers can be assigned images to label.`);
    names.set(userId, member.user.name);
  }
  return names;
}
