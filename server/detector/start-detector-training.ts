// "Train detector" on the project page: managers of the project and admins
// only. Checks there is something to learn from before queueing the job.
import type { DetectorVersionSummary } from "@/lib/schemas/detector";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { toDetectorVersionSummary } from "./detector-version-dto";
import { queueDetectorTraining } from "./queue-detector-training";

/** Fewer accepted, encoded images than this cannot train anything useful. */
export const MIN_TRAINING_IMAGES = 4;

export async function startDetectorTraining(options: { actor: Actor; projectId: string }): Promise<DetectorVersionSummary> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "train the detector" });
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { modelId: true } });
  const accepted = await db().image.count({
    where: {
      projectId,
      OR: [{ tasks: { some: { stage: "annotate", status: "accepted" } } }, { annotations: { some: { source: "import", deletedAt: null } } }],
    },
  });
  const masks = await db().annotation.count({
    where: {
      projectId,
      deletedAt: null,
      image: { OR: [{ tasks: { some: { stage: "annotate", status: "accepted" } } }, { annotations: { some: { source: "import", deletedAt: null } } }] },
    },
  });
  if (accepted < MIN_TRAINING_IMAGES || masks === 0) {
    throw new AppError(
      "bad_request",
      `Training needs at least ${MIN_TRAINING_IMAGES} accepted images with masks (the project has ${accepted} accepted images, ${masks} masks).`,
    );
  }
  const row = await queueDetectorTraining({ projectId, createdById: actor.id });
  await recordAuditEvent({ actorId: actor.id, projectId, action: "detector.train", targetType: "detector_version", targetId: row.id, data: { version: row.version, modelId: project.modelId } });
  return toDetectorVersionSummary(row);
}
