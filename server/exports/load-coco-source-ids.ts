// Reads back the COCO ids recorded by COCO imports into this project (see
// coco-import-audit.ts). A later import of the same object wins.
import { z } from "zod";
import { db } from "../db/client";
import { COCO_IMPORT_ACTION } from "../coco-import/coco-import-audit";

export type CocoSourceIds = {
  images: Map<string, number>;
  annotations: Map<string, number>;
  categories: Map<string, number>;
};

const pairs = z.array(z.tuple([z.string(), z.number().int()])).catch([]);
const auditData = z.object({ images: pairs, annotations: pairs, categories: pairs }).partial();

export async function loadCocoSourceIds(options: { projectId: string }): Promise<CocoSourceIds> {
  const events = await db().auditEvent.findMany({
    where: { projectId: options.projectId, action: COCO_IMPORT_ACTION },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { data: true },
  });
  const ids: CocoSourceIds = { images: new Map(), annotations: new Map(), categories: new Map() };
  for (const event of events) {
    const parsed = auditData.safeParse(event.data);
    if (!parsed.success) continue;
    for (const [dbId, cocoId] of parsed.data.images ?? []) ids.images.set(dbId, cocoId);
    for (const [dbId, cocoId] of parsed.data.annotations ?? []) ids.annotations.set(dbId, cocoId);
    for (const [dbId, cocoId] of parsed.data.categories ?? []) ids.categories.set(dbId, cocoId);
  }
  return ids;
}
