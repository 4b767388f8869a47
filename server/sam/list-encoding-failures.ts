// Images of a project whose embedding failed, with the error, so a manager
// can see what to fix (re-upload, convert) while the others carry on.
import { db } from "../db/client";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";

export type EncodingFailure = { imageId: string; fileName: string; error: string; attempts: number };

export async function listEncodingFailures(options: { actor: Actor; projectId: string; limit?: number }): Promise<EncodingFailure[]> {
  await requireProjectAccess({ actor: options.actor, projectId: options.projectId, roles: ["manager"], action: "see encoder errors" });
  const rows = await db().$queryRaw<{ imageId: string; fileName: string; error: string | null; attempts: number }[]>`
    SELECT i.id AS "imageId", i."fileName", e.error, e.attempts FROM "Image" i
    JOIN "Project" p ON p.id = i."projectId"
    JOIN "Embedding" e ON e."imageSha256" = i.sha256 AND e."modelId" = p."modelId"
    WHERE i."projectId" = ${options.projectId} AND e.status = 'failed'
    ORDER BY i."createdAt" LIMIT ${options.limit ?? 50}`;
  return rows.map((row) => ({ ...row, error: row.error ?? "unknown error" }));
}
