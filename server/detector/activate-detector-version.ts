// Makes a trained version the project's pre-fill detector: managers and
// admins only. The previously active version becomes "retired" (it can be
// activated again later). A newly active version pre-fills the images nobody
// has started yet, where automatic pre-fill applies (settings.prefill
// autoPrefill / source): the job replaces their untouched older pre-fill.
import type { DetectorVersionSummary } from "@/lib/schemas/detector";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { autoPrefillEnabled } from "../prefill/auto-prefill-enabled";
import { findUnstartedImages, queuePrefillJobs } from "../prefill/queue-prefill-jobs";
import { DETECTOR_VERSION_SELECT, toDetectorVersionSummary } from "./detector-version-dto";
import { publishDetectorChange } from "./publish-detector-change";

/** After the commit: the activation stands even when queueing fails (the manager can press "Pre-fill images"). */
async function queuePrefillAfterActivation(projectId: string): Promise<number> {
  try {
    if (!(await autoPrefillEnabled({ projectId }))) return 0;
    return (await queuePrefillJobs({ imageIds: await findUnstartedImages({ projectId }) })).queued;
  } catch (error) {
    console.error(`[detector] pre-fill after activation failed for project ${projectId}:`, error instanceof Error ? error.message : error);
    return 0;
  }
}

export type ActivatedDetectorVersion = DetectorVersionSummary & { prefillQueued: number };

export async function activateDetectorVersion(options: { actor: Actor; projectId: string; versionId: string }): Promise<ActivatedDetectorVersion> {
  const { actor, projectId, versionId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "activate a detector" });
  const result = await db().$transaction(async (tx) => {
    const version = await tx.detectorVersion.findFirst({ where: { id: versionId, projectId }, select: { status: true, weightsKey: true, version: true } });
    if (!version) throw new AppError("not_found", "Detector version not found.");
    if (version.status === "active") return { changed: false, row: await tx.detectorVersion.findUniqueOrThrow({ where: { id: versionId }, select: DETECTOR_VERSION_SELECT }) };
    if ((version.status !== "trained" && version.status !== "retired") || !version.weightsKey) {
      throw new AppError("conflict", `Version ${version.version} is ${version.status}; only a trained version can be activated.`);
    }
    await tx.detectorVersion.updateMany({ where: { projectId, status: "active" }, data: { status: "retired" } });
    const activated = await tx.detectorVersion.update({
      where: { id: versionId },
      data: { status: "active", activatedAt: new Date() },
      select: DETECTOR_VERSION_SELECT,
    });
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "detector.activate", targetType: "detector_version", targetId: versionId, data: { version: version.version } });
    return { changed: true, row: activated };
  });
  if (!result.changed) return { ...toDetectorVersionSummary(result.row), prefillQueued: 0 };
  publishDetectorChange({ projectId, versionId });
  return { ...toDetectorVersionSummary(result.row), prefillQueued: await queuePrefillAfterActivation(projectId) };
}
