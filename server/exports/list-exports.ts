// The project's exports, newest first, for managers and admins. Listing also
// sweeps expired exports (deletes their files), so the list never offers a
// download that is past its date.
import type { ExportSummary } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { expireExports } from "./expire-exports";
import { EXPORT_ROW_SELECT, toExportSummary } from "./to-export-summary";

export async function listExports(options: { actor: Actor; projectId: string; limit?: number }): Promise<ExportSummary[]> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "see exports" });
  await expireExports({ projectId });
  const rows = await db().export.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
    select: { ...EXPORT_ROW_SELECT, createdById: true },
  });
  const users = await db().user.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.createdById))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  return rows.map((row) => toExportSummary({ row, createdByName: names.get(row.createdById) ?? null }));
}
