// A page of a project's images in import order, with whether each thumbnail
// is ready, where its annotate task stands and how many masks it has (and of
// them, pre-fills still waiting for an annotator). Any project member may list.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { IMAGE_SUMMARY_SELECT, toImageSummary, type ImageListItem } from "./image-summary";

export type ImagePage = { items: ImageListItem[]; page: number; pageSize: number; total: number; pageCount: number };

export async function listProjectImages(options: {
  actor: Actor;
  projectId: string;
  page?: number;
  pageSize?: number;
}): Promise<ImagePage> {
  const { actor, projectId } = options;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(200, Math.max(1, Math.floor(options.pageSize ?? 50)));
  await requireProjectAccess({ actor, projectId });

  const [total, rows] = await Promise.all([
    db().image.count({ where: { projectId } }),
    db().image.findMany({
      where: { projectId },
      // id breaks ties so a page boundary never repeats or skips a row.
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { ...IMAGE_SUMMARY_SELECT, tasks: { where: { stage: "annotate" }, select: { status: true } } },
    }),
  ]);
  // One grouped count for the page instead of a count per image.
  const counts = await db().annotation.groupBy({
    by: ["imageId", "source"],
    where: { imageId: { in: rows.map((row) => row.id) }, deletedAt: null },
    _count: { _all: true },
  });
  const pending = await db().annotation.groupBy({
    by: ["imageId"],
    where: { imageId: { in: rows.map((row) => row.id) }, deletedAt: null, source: "prefill", labelClassId: null },
    _count: { _all: true },
  });
  const masksOf = (imageId: string) => counts.filter((entry) => entry.imageId === imageId).reduce((sum, entry) => sum + entry._count._all, 0);
  return {
    items: rows.map((row) => ({
      ...toImageSummary(row),
      annotateStatus: row.tasks[0]?.status ?? null,
      maskCount: masksOf(row.id),
      pendingPrefillCount: pending.find((entry) => entry.imageId === row.id)?._count._all ?? 0,
    })),
    page,
    pageSize,
    total,
    pageCount: Math.ceil(total / pageSize),
  };
}
