// What the export page needs in one call: the project's name, whether the
// caller manages it, and for managers the filter choices and the exports.
import type { ExportSummary } from "@/lib/schemas/exports";
import type { Actor } from "../auth/actor";
import { canManage, requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { listExports } from "./list-exports";

export type ExportPageData = {
  projectId: string;
  projectName: string;
  canManage: boolean;
  isAdmin: boolean;
  labelClasses: { id: string; name: string; color: string }[];
  batches: { id: string; name: string }[];
  exports: ExportSummary[];
};

export async function loadExportPage(options: { actor: Actor; projectId: string }): Promise<ExportPageData> {
  const { actor, projectId } = options;
  const access = await requireProjectAccess({ actor, projectId });
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true } });
  const base = { projectId, projectName: project.name, canManage: canManage(access), isAdmin: actor.role === "admin" };
  if (!base.canManage) return { ...base, labelClasses: [], batches: [], exports: [] };
  const [labelClasses, batches, exports] = await Promise.all([
    db().labelClass.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true, color: true } }),
    db().batch.findMany({ where: { projectId }, orderBy: [{ createdAt: "desc" }], select: { id: true, name: true } }),
    listExports({ actor, projectId }),
  ]);
  return { ...base, labelClasses, batches, exports };
}
