// The projects an actor may see (admins: all), with the numbers the list shows:
// images, live masks (soft-deleted ones are history, not masks), members, and
// where the annotate tasks stand (one grouped count for all listed projects).
import { db } from "../db/client";
import type { Actor } from "../auth/actor";
import { visibleProjectsWhere } from "../auth/project-access";

export async function listProjects(options: { actor: Actor }) {
  const { actor } = options;
  const projects = await db().project.findMany({
    where: visibleProjectsWhere(actor),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      description: true,
      createdAt: true,
      memberships: { where: { userId: actor.id }, select: { role: true } },
      _count: { select: { images: true, memberships: true, annotations: { where: { deletedAt: null } } } },
    },
  });
  const statusGroups = await db().task.groupBy({
    by: ["projectId", "status"],
    where: { projectId: { in: projects.map((project) => project.id) }, stage: "annotate" },
    _count: { _all: true },
  });
  const statusCounts = new Map<string, Record<string, number>>();
  for (const group of statusGroups) {
    const counts = statusCounts.get(group.projectId) ?? {};
    counts[group.status] = group._count._all;
    statusCounts.set(group.projectId, counts);
  }
  return projects.map((project) => ({
    id: project.id,
    name: project.name,
    description: project.description,
    createdAt: project.createdAt,
    myRole: project.memberships[0]?.role ?? (actor.role === "admin" ? "admin" : null),
    imageCount: project._count.images,
    memberCount: project._count.memberships,
    annotationCount: project._count.annotations,
    statusCounts: statusCounts.get(project.id) ?? {},
  }));
}
