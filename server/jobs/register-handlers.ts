// Which function runs each background job. Handlers are idempotent: pg-boss
// delivers at least once (a crash mid-job means the job runs again).
import type PgBoss from "pg-boss";
import { db } from "../db/client";
import { JOBS, type JobPayloads } from "./job-names";
import { makeThumbnail } from "../images/make-thumbnail";
import { runEncodeImageJob } from "../sam/encode-image-job";
import { runExportJob } from "../exports/run-export-job";
import { runTrainDetectorJob } from "../detector/run-train-detector-job";
import { runPrefillImageJob } from "../prefill/run-prefill-image-job";
import { publishDetectorTraining, publishEmbeddingChanged, publishPrefillImage } from "./publish-job-events";

/** Live events are a courtesy on top of the committed result: never fail a job over one. */
function logPublishFailure(error: unknown) {
  console.error("[worker] live event failed", error instanceof Error ? error.message : error);
}

type Handler<N extends keyof JobPayloads> = (data: JobPayloads[N]) => Promise<void>;

async function register<N extends keyof JobPayloads>(boss: PgBoss, name: N, handler: Handler<N>, batchSize = 1) {
  await boss.work<JobPayloads[N]>(name, { batchSize, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await handler(job.data);
  });
}

export async function registerJobHandlers(boss: PgBoss): Promise<void> {
  await register(boss, JOBS.makeThumbnail, async (data) => {
    await makeThumbnail(data);
  });
  await register(boss, JOBS.encodeImage, async (data) => {
    const result = await runEncodeImageJob(data).catch(async (error: unknown) => {
      await publishEmbeddingChanged({ ...data, status: "failed", error: error instanceof Error ? error.message : String(error) }).catch(logPublishFailure);
      throw error; // pg-boss retries; a later success publishes "done"
    });
    if (result.status === "done") await publishEmbeddingChanged({ ...data, status: "done" }).catch(logPublishFailure);
    if (result.status === "done") console.log(`[worker] encoded ${data.imageSha256.slice(0, 12)} (${data.modelId}) in ${Math.round(result.encodeMs ?? 0)} ms, ${result.byteSize} bytes`);
  });
  await register(boss, JOBS.exportDataset, async (data) => void (await runExportJob(data)));
  await register(boss, JOBS.trainDetector, async (data) => {
    const result = await runTrainDetectorJob(data);
    if (result.status === "skipped") return;
    const version = await db().detectorVersion.findUnique({ where: { id: data.detectorVersionId }, select: { projectId: true } }).catch(logPublishFailure);
    if (version) publishDetectorTraining({ projectId: version.projectId, detectorVersionId: data.detectorVersionId, status: result.status, error: result.error ?? null });
  });
  await register(boss, JOBS.prefillImage, async (data) => {
    const result = await runPrefillImageJob(data);
    if (result.status === "done") await publishPrefillImage({ imageId: data.imageId, created: result.created, source: result.source }).catch(logPublishFailure);
  });
}
