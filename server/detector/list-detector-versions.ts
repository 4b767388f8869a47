// The project's detector versions, newest first, with the settings the
// panel shows. Any member may look; only managers may change anything
// (canManage tells the panel which buttons to offer).
import type { DetectorSettings, DetectorVersionSummary, PrefillSettings } from "@/lib/schemas/detector";
import type { Actor } from "../auth/actor";
import { canManage, requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { DETECTOR_VERSION_SELECT, toDetectorVersionSummary } from "./detector-version-dto";
import { readProjectSettings } from "./read-project-settings";

export interface DetectorOverview {
  versions: DetectorVersionSummary[];
  activeVersionId: string | null;
  canManage: boolean;
  settings: { prefill: PrefillSettings; detector: DetectorSettings };
}

export async function listDetectorVersions(options: { actor: Actor; projectId: string }): Promise<DetectorOverview> {
  const access = await requireProjectAccess({ actor: options.actor, projectId: options.projectId });
  const rows = await db().detectorVersion.findMany({
    where: { projectId: options.projectId },
    select: DETECTOR_VERSION_SELECT,
    orderBy: { version: "desc" },
    take: 50,
  });
  const versions = rows.map(toDetectorVersionSummary);
  const { prefill, detector } = await readProjectSettings({ projectId: options.projectId });
  return {
    versions,
    activeVersionId: versions.find((version) => version.status === "active")?.id ?? null,
    canManage: canManage(access),
    settings: { prefill, detector },
  };
}
