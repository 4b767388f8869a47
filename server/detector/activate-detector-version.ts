// Makes a trained version the project's pre-fill detector: managers and
// admins only. The previously active version becomes "retired" (it can be
// activated again later).
import type { DetectorVersionSummary } from "@/lib/schemas/detector";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { DETECTOR_VERSION_SELECT, toDetectorVersionSummary } from "./detector-version-dto";

export async function activateDetectorVersion(options: { actor: Actor; projectId: string; versionId: string }): Promise<DetectorVersionSummary> {
  const { actor, projectId, versionId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "activate a detector" });
  const row = await db().$transaction(async (tx) => {
    const version = await tx.detectorVersion.findFirst({ where: { id: versionId, projectId }, select: { status: true, weightsKey: true, version: true } });
    if (!version) throw new AppError("not_found", "Detector version not found.");
    if (version.status === "active") return tx.detectorVersion.findUniqueOrThrow({ where: { id: versionId }, select: DETECTOR_VERSION_SELECT });
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
    return activated;
  });
  return toDetectorVersionSummary(row);
}
