// The manager's batch overview: per batch, how many images are to do, in
// progress, submitted, accepted, rejected or skipped, and each assignee's
// share; plus how many images are not in a batch yet.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { dueOnText } from "./batch-due-date";

export const STATUS_KEYS = ["todo", "in_progress", "submitted", "accepted", "rejected", "skipped"] as const;
export type StatusCounts = Record<(typeof STATUS_KEYS)[number], number>;

export type BatchProgress = {
  id: string;
  name: string;
  priority: number;
  createdAt: string;
  /** Who reviews its hand-ins; empty: any reviewer. */
  reviewers: { id: string; name: string }[];
  /** YYYY-MM-DD, or null. */
  dueOn: string | null;
  total: number;
  counts: StatusCounts;
  assignees: { userId: string | null; name: string; total: number; open: number; counts: StatusCounts }[];
};

export type BatchOverview = {
  projectId: string;
  unbatchedCount: number;
  batches: BatchProgress[];
  members: { id: string; name: string; role: string }[];
};

function emptyCounts(): StatusCounts {
  return { todo: 0, in_progress: 0, submitted: 0, accepted: 0, rejected: 0, skipped: 0 };
}

export async function listBatches(options: { actor: Actor; projectId: string }): Promise<BatchOverview> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "see batches" });
  const [batches, groups, unbatchedCount, members] = await Promise.all([
    db().batch.findMany({ where: { projectId }, orderBy: [{ priority: "desc" }, { dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], select: { id: true, name: true, priority: true, createdAt: true, reviewerIds: true, dueOn: true } }),
    db().task.groupBy({ by: ["batchId", "assigneeId", "status"], where: { projectId, stage: "annotate", batchId: { not: null } }, _count: { _all: true } }),
    db().task.count({ where: { projectId, stage: "annotate", batchId: null, status: "todo" } }),
    db().membership.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: { role: true, user: { select: { id: true, name: true, active: true } } } }),
  ]);
  const names = new Map(members.map((member) => [member.user.id, member.user.name]));
  const progress: BatchProgress[] = batches.map((batch) => {
    const counts = emptyCounts();
    const byAssignee = new Map<string | null, StatusCounts>();
    for (const group of groups) {
      if (group.batchId !== batch.id) continue;
      counts[group.status] += group._count._all;
      const share = byAssignee.get(group.assigneeId) ?? emptyCounts();
      share[group.status] += group._count._all;
      byAssignee.set(group.assigneeId, share);
    }
    const total = STATUS_KEYS.reduce((sum, key) => sum + counts[key], 0);
    const assignees = [...byAssignee.entries()].map(([userId, share]) => ({
      userId,
      name: userId === null ? "Project pool" : (names.get(userId) ?? "Former member"),
      total: STATUS_KEYS.reduce((sum, key) => sum + share[key], 0),
      open: share.todo + share.rejected + share.skipped,
      counts: share,
    }));
    assignees.sort((a, b) => (a.userId === null ? -1 : b.userId === null ? 1 : a.name.localeCompare(b.name)));
    const reviewers = batch.reviewerIds.map((id) => ({ id, name: names.get(id) ?? "Former member" }));
    return { id: batch.id, name: batch.name, priority: batch.priority, createdAt: batch.createdAt.toISOString(), reviewers, dueOn: dueOnText(batch.dueOn), total, counts, assignees };
  });
  return {
    projectId,
    unbatchedCount,
    batches: progress,
    members: members.filter((member) => member.user.active).map((member) => ({ id: member.user.id, name: member.user.name, role: member.role })),
  };
}
