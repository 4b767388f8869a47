// A page of a project's images in import order, with whether each thumbnail
// is ready, where its annotate task stands and how many masks it has (and of
// them, pre-fills still waiting for an annotator), optionally narrowed to one
// annotate status and/or a file name search. Any project member may list.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { imageListOrder, imageListWhereFor, type ImageListFilters } from "./image-list-where";
import { isMaskCountSort, listImageIdsInOrder } from "./list-image-ids-in-order";
import { IMAGE_SUMMARY_SELECT, toImageSummary, type ImageListItem } from "./image-summary";

export type ImagePage = { items: ImageListItem[]; page: number; pageSize: number; total: number; pageCount: number };

export async function listProjectImages(options: {
  actor: Actor;
  projectId: string;
  page?: number;
  pageSize?: number;
} & ImageListFilters): Promise<ImagePage> {
  const { actor, projectId, status, q, label, annotator, attr, issue, review, sort } = options;
  const filters: ImageListFilters = { status, q, label, annotator, attr, issue, review, sort };
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(200, Math.max(1, Math.floor(options.pageSize ?? 50)));
  await requireProjectAccess({ actor, projectId });

  const select = { ...IMAGE_SUMMARY_SELECT, tasks: { where: { stage: "annotate" as const }, select: { status: true } } };
  // Mask-count order is ranked in SQL over the whole view (listImageIdsInOrder resolves the filters itself).
  const pageInMaskCountOrder = async () => {
    const ids = await listImageIdsInOrder({ projectId, filters });
    const pageIds = ids.slice((page - 1) * pageSize, page * pageSize);
    const found = await db().image.findMany({ where: { id: { in: pageIds } }, select });
    const byId = new Map(found.map((row) => [row.id, row]));
    return [ids.length, pageIds.flatMap((id) => byId.get(id) ?? [])] as const;
  };
  const pageInColumnOrder = async () => {
    const where = await imageListWhereFor({ projectId, filters });
    return Promise.all([
      db().image.count({ where }),
      // id breaks ties so a page boundary never repeats or skips a row.
      db().image.findMany({ where, orderBy: imageListOrder(sort), skip: (page - 1) * pageSize, take: pageSize, select }),
    ]);
  };
  const [total, rows] = isMaskCountSort(sort) ? await pageInMaskCountOrder() : await pageInColumnOrder();
  // Grouped counts for the page instead of a count per image.
  const imageIds = rows.map((row) => row.id);
  const live = { imageId: { in: imageIds }, deletedAt: null };
  const [masks, pending] = await Promise.all([
    db().annotation.groupBy({ by: ["imageId"], where: live, _count: { _all: true }, _max: { updatedAt: true } }),
    db().annotation.groupBy({ by: ["imageId"], where: { ...live, source: "prefill", labelClassId: null }, _count: { _all: true } }),
  ]);
  const masksOf = new Map(masks.map((entry) => [entry.imageId, entry._count._all]));
  const changedOf = new Map(masks.map((entry) => [entry.imageId, entry._max.updatedAt?.getTime() ?? 0]));
  const pendingOf = new Map(pending.map((entry) => [entry.imageId, entry._count._all]));
  return {
    items: rows.map((row) => ({
      ...toImageSummary(row),
      annotateStatus: row.tasks[0]?.status ?? null,
      maskCount: masksOf.get(row.id) ?? 0,
      masksChangedAt: changedOf.get(row.id) ?? 0,
      pendingPrefillCount: pendingOf.get(row.id) ?? 0,
    })),
    page,
    pageSize,
    total,
    pageCount: Math.ceil(total / pageSize),
  };
}
