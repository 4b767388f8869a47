// The review page's "since you sent it back": for an image handed in again
// after a rejection, the latest hand-in against the one before it (both still
// unscored, so both still hold their masks). The reviewer then checks the fix
// instead of the whole image again.
import { z } from "zod";
import { handInMaskSchema, type Resubmission } from "@/lib/schemas/hand-in-quality";
import { db } from "../db/client";
import { pairMasks } from "./compare-hand-in";

const masksSchema = z.array(handInMaskSchema);

/** Null unless the image was handed in again after a rejection since it was last accepted. */
export async function describeResubmission(options: { imageId: string }): Promise<Resubmission | null> {
  const rows = await db().handIn.findMany({
    where: { imageId: options.imageId, scoredAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 2,
    select: { masks: true, createdAt: true },
  });
  if (rows.length < 2) return null;
  const [latest, previous] = rows as [(typeof rows)[number], (typeof rows)[number]];
  const now = masksSchema.safeParse(latest.masks).data;
  const before = masksSchema.safeParse(previous.masks).data;
  if (!now || !before) return null;
  const pairs = pairMasks(before, now);
  const statusById: Resubmission["statusById"] = {};
  const matchedNow = new Set(pairs.map((pair) => pair.to));
  let unchanged = 0;
  for (const pair of pairs) {
    const a = before[pair.from]!;
    const b = now[pair.to]!;
    if (a.rleCounts === b.rleCounts && a.labelClassId === b.labelClassId) unchanged++;
    else statusById[b.id] = "changed";
  }
  now.forEach((mask, index) => {
    if (!matchedNow.has(index)) statusById[mask.id] = "new";
  });
  const added = now.length - pairs.length;
  return { sentBackHandInAt: previous.createdAt.toISOString(), added, changed: pairs.length - unchanged, removed: before.length - pairs.length, unchanged, statusById };
}
