// The tasks of one batch (or the project), for the manager's table: image,
// status, assignee, lease — to reassign single images.
import { listTasksQuery } from "@/lib/schemas/tasks";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";

export async function listBatchTasks(options: { actor: Actor; projectId: string; query: z.input<typeof listTasksQuery> }) {
  const { actor, projectId } = options;
  const query = listTasksQuery.parse(options.query);
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "see all tasks" });
  const batchFilter = query.batchId ? { batchId: query.batchId } : query.inBatch === "no" ? { batchId: null } : query.inBatch === "yes" ? { batchId: { not: null } } : {};
  const where = { projectId, stage: query.stage, ...batchFilter, ...(query.status ? { status: query.status } : {}) };
  const [total, rows] = await Promise.all([
    db().task.count({ where }),
    db().task.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        imageId: true,
        batchId: true,
        stage: true,
        status: true,
        assigneeId: true,
        lastAnnotatorId: true,
        leaseExpiresAt: true,
        skipReason: true,
        attempts: true,
        updatedAt: true,
        image: { select: { fileName: true } },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((row) => ({ ...row, leaseExpiresAt: row.leaseExpiresAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString() })),
  };
}
