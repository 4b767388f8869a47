// Which images of a project show each dataset issue (lib/schemas/dataset-checks):
// masks without a label, specks, "whole picture" masks, the same object drawn
// twice, images handed in with no mask at all, and near-duplicate pictures
// (find-near-duplicate-groups). Live masks only. SQL does
// the counting and finds duplicate candidates (boxes overlapping, sizes close
// enough to allow a mask IoU of 0.9); only their masks are decoded.
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

async function duplicateImages(projectId: string): Promise<IssueImages> {
  // Candidate pairs in SQL, so a large project's masks are not all read out: same image, boxes
  // overlapping, and areas within the IoU bound (IoU <= smaller area / larger area, so masks of very
  // different size are never duplicates). In each pair b is the larger (ties broken by id), the one
  // counted as drawn twice.
  const candidates = await db().$queryRaw<{ imageId: string; a: string; b: string }[]>`
    SELECT a."imageId", a.id AS a, b.id AS b
    FROM "Annotation" a
    JOIN "Annotation" b ON b."imageId" = a."imageId" AND (b.area, b.id) > (a.area, a.id)
    WHERE a."projectId" = ${projectId} AND b."projectId" = ${projectId} AND a."deletedAt" IS NULL AND b."deletedAt" IS NULL AND a.area > 0
      AND least(a.bbox[1] + a.bbox[3], b.bbox[1] + b.bbox[3]) > greatest(a.bbox[1], b.bbox[1])
      AND least(a.bbox[2] + a.bbox[4], b.bbox[2] + b.bbox[4]) > greatest(a.bbox[2], b.bbox[2])
      AND a.area::float8 / b.area >= ${DUPLICATE_MASK_IOU}::float8`;
  const pairsByImage = new Map<string, [string, string][]>();
  for (const { imageId, a, b } of candidates) {
    const pairs = pairsByImage.get(imageId);
    if (pairs) pairs.push([a, b]);
    else pairsByImage.set(imageId, [[a, b]]);
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
