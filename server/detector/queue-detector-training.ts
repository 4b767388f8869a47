// Creates the next DetectorVersion (status "training") and queues its job.
// Shared by the manager's "Train" button and automatic retraining; callers
// check permissions. One training per project at a time.
import { detectorMetrics } from "@/lib/schemas/detector";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { JOBS } from "../jobs/job-names";
import { enqueueJob } from "../jobs/queue";
import { DETECTOR_VERSION_SELECT, type DetectorVersionRow } from "./detector-version-dto";
import { publishDetectorChange } from "./publish-detector-change";

/** A "training" row older than this lost its worker (jobs expire after 15 minutes). */
const STALE_TRAINING_MS = 30 * 60 * 1000;

export async function queueDetectorTraining(options: { projectId: string; createdById: string | null }): Promise<DetectorVersionRow> {
  const { projectId } = options;
  const project = await db().project.findUnique({ where: { id: projectId }, select: { modelId: true } });
  if (!project) throw new AppError("not_found", "Project not found.");
  const running = await db().detectorVersion.findFirst({ where: { projectId, status: "training" }, select: { id: true, version: true, createdAt: true } });
  if (running) {
    if (Date.now() - running.createdAt.getTime() < STALE_TRAINING_MS) {
      throw new AppError("conflict", `Detector version ${running.version} is still training.`, { versionId: running.id });
    }
    await db().detectorVersion.update({ where: { id: running.id }, data: { status: "failed", error: "Training stopped without finishing (worker lost)." } });
  }
  let row: DetectorVersionRow | null = null;
  // Two managers clicking at once race for the next version number: retry on the unique key.
  for (let attempt = 0; attempt < 3 && !row; attempt++) {
    const last = await db().detectorVersion.aggregate({ where: { projectId }, _max: { version: true } });
    try {
      row = await db().detectorVersion.create({
        data: {
          projectId,
          version: (last._max.version ?? 0) + 1,
          status: "training",
          sourceModelId: project.modelId,
          metrics: detectorMetrics.parse({}),
          createdById: options.createdById,
        },
        select: DETECTOR_VERSION_SELECT,
      });
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  if (!row) throw new AppError("conflict", "Another training started at the same moment; try again.");
  try {
    await enqueueJob(JOBS.trainDetector, { detectorVersionId: row.id }, { singletonKey: row.id });
  } catch (error) {
    await db().detectorVersion.update({ where: { id: row.id }, data: { status: "failed", error: "Could not queue the training job." } });
    throw error;
  }
  publishDetectorChange({ projectId, versionId: row.id });
  return row;
}
