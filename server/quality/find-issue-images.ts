// Which images of a project show each dataset issue (lib/schemas/dataset-checks):
// masks without a label, specks, "whole picture" masks, the same object drawn
// twice, images handed in with no mask at all, and near-duplicate pictures
// (find-near-duplicate-groups). Live masks only. SQL does
// the counting; only duplicate candidates (boxes overlapping enough to allow
// a mask IoU of 0.9) have their masks decoded.
import { decodeRleToMask, maskIou, type BinaryMask } from "@/lib/mask";
import { DUPLICATE_MASK_IOU, HUGE_MASK_SHARE, TINY_MASK_PX, type DatasetIssue } from "@/lib/schemas/dataset-checks";
import { db } from "../db/client";
import { findNearDuplicateGroups } from "./find-near-duplicate-groups";

/** Image id -> the number of masks with the issue (0 for the image-level issues). */
export type IssueImages = Map<string, number>;

function countBy(rows: { imageId: string }[]): IssueImages {
  const out: IssueImages = new Map();
  for (const row of rows) out.set(row.imageId, (out.get(row.imageId) ?? 0) + 1);
  return out;
}

/** A box IoU bound: two masks inside these boxes cannot have a mask IoU above the boxes' area ratio and overlap. */
function mayBeDuplicates(a: { bbox: number[]; area: number }, b: { bbox: number[]; area: number }): boolean {
  const [ax = 0, ay = 0, aw = 0, ah = 0] = a.bbox;
  const [bx = 0, by = 0, bw = 0, bh = 0] = b.bbox;
  const overlapW = Math.min(ax + aw, bx + bw) - Math.max(ax, bx);
  const overlapH = Math.min(ay + ah, by + bh) - Math.max(ay, by);
  if (overlapW <= 0 || overlapH <= 0) return false;
  // IoU <= min(area) / max(area): masks of very different size are never duplicates.
  return Math.min(a.area, b.area) / Math.max(a.area, b.area) >= DUPLICATE_MASK_IOU;
}

async function duplicateImages(projectId: string): Promise<IssueImages> {
  const rows = await db().annotation.findMany({
    where: { projectId, deletedAt: null, area: { gt: 0 } },
    select: { id: true, imageId: true, bbox: true, area: true },
    orderBy: [{ imageId: "asc" }, { area: "asc" }],
  });
  const byImage = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byImage.get(row.imageId);
    if (list) list.push(row);
    else byImage.set(row.imageId, [row]);
  }
  const pairsByImage = new Map<string, [string, string][]>();
  for (const [imageId, masks] of byImage) {
    const pairs: [string, string][] = [];
    for (let i = 0; i < masks.length; i++) {
      for (let j = i + 1; j < masks.length; j++) if (mayBeDuplicates(masks[i]!, masks[j]!)) pairs.push([masks[i]!.id, masks[j]!.id]);
    }
    if (pairs.length > 0) pairsByImage.set(imageId, pairs);
  }
  // One query for every candidate's RLE; masks are decoded an image at a time, so memory stays at one image's candidates.
  const candidateIds = [...new Set([...pairsByImage.values()].flat(2))];
  const rles = new Map(
    (await db().annotation.findMany({ where: { id: { in: candidateIds } }, select: { id: true, rleCounts: true, maskHeight: true, maskWidth: true } })).map((row) => [row.id, row]),
  );
  const out: IssueImages = new Map();
  for (const [imageId, pairs] of pairsByImage) {
    const decoded = new Map<string, BinaryMask>();
    const mask = (id: string) => {
      let found = decoded.get(id);
      if (!found) {
        const row = rles.get(id)!;
        found = decodeRleToMask({ size: [row.maskHeight, row.maskWidth], counts: row.rleCounts });
        decoded.set(id, found);
      }
      return found;
    };
    const twice = new Set<string>();
    for (const [a, b] of pairs) {
      if (maskIou(mask(a), mask(b)) >= DUPLICATE_MASK_IOU) twice.add(b);
    }
    if (twice.size > 0) out.set(imageId, twice.size);
  }
  return out;
}

export async function findIssueImages(options: { projectId: string; issue: DatasetIssue }): Promise<IssueImages> {
  const { projectId, issue } = options;
  switch (issue) {
    case "unlabelled":
      return countBy(await db().annotation.findMany({ where: { projectId, deletedAt: null, labelClassId: null }, select: { imageId: true } }));
    case "tiny":
      return countBy(await db().annotation.findMany({ where: { projectId, deletedAt: null, area: { lt: TINY_MASK_PX } }, select: { imageId: true } }));
    case "huge":
      return countBy(
        await db().$queryRaw<{ imageId: string }[]>`
          SELECT a."imageId" FROM "Annotation" a JOIN "Image" i ON i.id = a."imageId"
          WHERE a."projectId" = ${projectId} AND a."deletedAt" IS NULL AND a.area >= ${HUGE_MASK_SHARE}::float8 * i.width * i.height`,
      );
    case "duplicate":
      return duplicateImages(projectId);
    case "empty": {
      const rows = await db().image.findMany({
        where: { projectId, tasks: { some: { stage: "annotate", status: { in: ["submitted", "accepted"] } } }, annotations: { none: { deletedAt: null } } },
        select: { id: true },
      });
      return new Map(rows.map((row) => [row.id, 0]));
    }
    case "near_duplicate":
      return new Map((await findNearDuplicateGroups({ projectId })).flat().map((id) => [id, 0]));
  }
}
