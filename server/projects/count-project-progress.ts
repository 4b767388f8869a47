// Task status counts and encoder progress for a project: shown on the
// project page and pushed live over socket.io while someone watches it.
import { db } from "../db/client";

export type ProjectProgress = {
  projectId: string;
  imageCount: number;
  encodedCount: number;
  failedEncodings: number;
  statusCounts: Record<string, number>;
};

export async function countProjectProgress(options: { projectId: string }): Promise<ProjectProgress> {
  const { projectId } = options;
  const [imageCount, statusGroups, embeddingGroups] = await Promise.all([
    db().image.count({ where: { projectId } }),
    db().task.groupBy({ by: ["status"], where: { projectId, stage: "annotate" }, _count: { _all: true } }),
    db().$queryRaw<{ status: string; count: bigint }[]>`
      SELECT e.status::text AS status, count(DISTINCT i.sha256)::bigint AS count FROM "Image" i
      JOIN "Project" p ON p.id = i."projectId"
      JOIN "Embedding" e ON e."imageSha256" = i.sha256 AND e."modelId" = p."modelId"
      WHERE i."projectId" = ${projectId}
      GROUP BY e.status`,
  ]);
  const statusCounts: Record<string, number> = {};
  for (const group of statusGroups) statusCounts[group.status] = group._count._all;
  const embeddingCount = (status: string) => Number(embeddingGroups.find((group) => group.status === status)?.count ?? 0);
  return { projectId, imageCount, encodedCount: embeddingCount("done"), failedEncodings: embeddingCount("failed"), statusCounts };
}
