// A project's near-duplicate pictures (lib/images/near-duplicates): the same
// photo imported twice at another size or quality, mirrored or turned, a burst
// of nearly identical frames. Such copies inflate a dataset, and split across train and test they
// leak the test set into training. Hashes come from the thumbnail job; images
// thumbnailed before hashes existed get theirs here, once.
import { groupNearDuplicates } from "@/lib/images/near-duplicates";
import { db } from "../db/client";
import { computeDhashes } from "../images/compute-dhash";
import { readStoredBuffer } from "../storage/content-store";

/** Fills in missing hashes from stored thumbnails; an unreadable thumbnail is skipped, not fatal. */
async function backfillHashes(rows: { id: string; dhash: string | null; dhashTurned: string | null; thumbnailKey: string | null }[]): Promise<void> {
  for (const row of rows) {
    if ((row.dhash && row.dhashTurned) || !row.thumbnailKey) continue;
    try {
      Object.assign(row, await computeDhashes(await readStoredBuffer(row.thumbnailKey)));
      await db().image.updateMany({ where: { id: row.id }, data: { dhash: row.dhash, dhashTurned: row.dhashTurned } });
    } catch (error) {
      console.error(`[quality] no difference hash for image ${row.id}:`, error instanceof Error ? error.message : error);
    }
  }
}

/** Groups of two or more image ids; images without a thumbnail yet are left out. */
export async function findNearDuplicateGroups(options: { projectId: string; imageIds?: string[] }): Promise<string[][]> {
  const rows = await db().image.findMany({
    where: { projectId: options.projectId, ...(options.imageIds ? { id: { in: options.imageIds } } : {}) },
    select: { id: true, dhash: true, dhashTurned: true, thumbnailKey: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  await backfillHashes(rows);
  return groupNearDuplicates(rows);
}
