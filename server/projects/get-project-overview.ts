// Everything the project page shows: details, members, label classes and
// task status counts. Any member may read it.
import { db } from "../db/client";
import type { Actor } from "../auth/actor";
import { canManage, requireProjectAccess } from "../auth/project-access";

export async function getProjectOverview(options: { actor: Actor; projectId: string }) {
  const access = await requireProjectAccess({ actor: options.actor, projectId: options.projectId });
  const [project, statusGroups, encodedCount] = await Promise.all([
    db().project.findUniqueOrThrow({
      where: { id: options.projectId },
      select: {
        id: true,
        name: true,
        description: true,
        modelId: true,
        createdAt: true,
        labelClasses: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true, color: true } },
        memberships: {
          orderBy: { createdAt: "asc" },
          select: { role: true, user: { select: { id: true, name: true, email: true, active: true } } },
        },
        _count: { select: { images: true } },
      },
    }),
    db().task.groupBy({ by: ["status"], where: { projectId: options.projectId, stage: "annotate" }, _count: { _all: true } }),
    db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*)::bigint AS count FROM "Image" i
      JOIN "Project" p ON p.id = i."projectId"
      JOIN "Embedding" e ON e."imageSha256" = i.sha256 AND e."modelId" = p."modelId"
      WHERE i."projectId" = ${options.projectId} AND e.status = 'done'`,
  ]);
  const statusCounts: Record<string, number> = {};
  for (const group of statusGroups) statusCounts[group.status] = group._count._all;
  return {
    ...project,
    imageCount: project._count.images,
    encodedCount: Number(encodedCount[0]?.count ?? 0),
    statusCounts,
    myRole: access.role,
    canManage: canManage(access),
  };
}

export type ProjectOverview = Awaited<ReturnType<typeof getProjectOverview>>;
