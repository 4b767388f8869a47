// Automatic retraining: once a project has N newly accepted images since its
// last detector version (settings.detector.autoTrainAfterAcceptedImages,
// 0 = off), a new version is queued. Call it after an image is accepted
// (e.g. from the review flow, after the commit); it is cheap when off and
// never throws for "nothing to do".
import { db } from "../db/client";
import { isAppError } from "../errors/app-error";
import { queueDetectorTraining } from "./queue-detector-training";
import { readProjectSettings } from "./read-project-settings";

export async function maybeStartAutoTraining(options: { projectId: string }): Promise<{ started: boolean; versionId?: string }> {
  const { projectId } = options;
  const { detector } = await readProjectSettings({ projectId });
  const threshold = detector.autoTrainAfterAcceptedImages;
  if (threshold <= 0) return { started: false };
  const last = await db().detectorVersion.findFirst({ where: { projectId }, orderBy: { createdAt: "desc" }, select: { createdAt: true, status: true } });
  if (last?.status === "training") return { started: false };
  const newlyAccepted = await db().task.count({
    where: { projectId, stage: "annotate", status: "accepted", ...(last ? { updatedAt: { gt: last.createdAt } } : {}) },
  });
  if (newlyAccepted < threshold) return { started: false };
  try {
    const row = await queueDetectorTraining({ projectId, createdById: null });
    return { started: true, versionId: row.id };
  } catch (error) {
    // Someone started one meanwhile.
    if (isAppError(error) && error.code === "conflict") return { started: false };
    throw error;
  }
}
