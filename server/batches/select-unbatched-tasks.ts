// Picks the annotate tasks a new batch takes: open (todo) tasks of images not
// in any batch yet, by explicit ids, "first N" by import order, or a filter.
// Runs inside the batch transaction and locks what it picks (SKIP LOCKED), so
// two managers cutting batches at once never put one image in both.
import type { BatchSelection } from "@/lib/schemas/tasks";
import { Prisma } from "../db/generated/client";
import { escapeLike } from "../db/escape-like";

export async function selectUnbatchedTasks(options: { tx: Prisma.TransactionClient; projectId: string; selection: BatchSelection }): Promise<{ id: string; imageId: string }[]> {
  const { tx, projectId, selection } = options;
  const conditions: Prisma.Sql[] = [
    Prisma.sql`t."projectId" = ${projectId}`,
    Prisma.sql`t.stage = 'annotate'`,
    Prisma.sql`t.status = 'todo'`,
    Prisma.sql`t."batchId" IS NULL`,
  ];
  let limit = 5000;
  if (selection.kind === "images") {
    conditions.push(Prisma.sql`t."imageId" IN (${Prisma.join(selection.imageIds)})`);
  } else if (selection.kind === "first_unassigned") {
    limit = selection.count;
  } else {
    limit = selection.limit;
    // Escape LIKE wildcards: a file name filter matches literally.
    if (selection.fileNameContains) conditions.push(Prisma.sql`i."fileName" ILIKE ${"%" + escapeLike(selection.fileNameContains) + "%"}`);
    if (selection.importedAfter) conditions.push(Prisma.sql`i."createdAt" >= ${selection.importedAfter}`);
    if (selection.importedBefore) conditions.push(Prisma.sql`i."createdAt" < ${selection.importedBefore}`);
    const encoded = Prisma.sql`EXISTS (SELECT 1 FROM "Embedding" e JOIN "Project" p ON p."modelId" = e."modelId" WHERE p.id = t."projectId" AND e."imageSha256" = i.sha256 AND e.status = 'done')`;
    if (selection.embedding === "done") conditions.push(encoded);
    if (selection.embedding === "not_done") conditions.push(Prisma.sql`NOT ${encoded}`);
  }
  return tx.$queryRaw<{ id: string; imageId: string }[]>`
    SELECT t.id, t."imageId" FROM "Task" t JOIN "Image" i ON i.id = t."imageId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY i."createdAt" ASC, i.id ASC
    LIMIT ${limit}
    FOR UPDATE OF t SKIP LOCKED`;
}
