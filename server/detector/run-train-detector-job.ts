// Worker job: train one DetectorVersion. Reads the project's accepted
// images, trains the head on the training split with live progress in the
// row's metrics, evaluates on the held-out split, stores the weights in the
// content store and marks the version "trained". Idempotent: a version that
// is no longer "training" is left alone; a retry after a crash trains again
// from the start (seeded, so it reproduces the same weights).
import { detectorMetrics, type DetectorMetrics } from "@/lib/schemas/detector";
import { db } from "../db/client";
import { deleteStoredFile, detectorWeightsKeyFor, putDetectorWeights } from "../storage/content-store";
import { loadModelManifest } from "../sam/load-model-manifest";
import { serializeDetectorHead, disposeDetectorHead } from "./detector-head";
import { evaluateDetector } from "./evaluate-detector";
import { loadTrainingImages, type TrainingImage } from "./load-training-images";
import { readProjectSettings } from "./read-project-settings";
import { readStoredEmbedding } from "./read-stored-embedding";
import { trainDetectorHead, type DetectorSample } from "./train-detector-head";
import { publishDetectorTraining } from "../jobs/publish-job-events";
import { finishDetectorVersion } from "./finish-detector-version";

export type TrainDetectorJobResult = { status: "trained" | "skipped" | "failed"; error?: string };

/** Progress writes at most this often: each is a database round trip. */
const PROGRESS_INTERVAL_MS = 2000;

function toSamples(images: TrainingImage[], modelId: string): DetectorSample[] {
  return images.map((image) => ({
    geometry: image.geometry,
    boxes: image.boxes,
    coverages: image.coverages,
    loadEmbedding: async () => {
      const embedding = await readStoredEmbedding({ modelId, imageSha256: image.sha256 });
      if (!embedding) throw new Error(`The embedding of image ${image.imageId} disappeared during training`);
      return embedding;
    },
  }));
}

/** The version's project was deleted while it trained: drop the weights it may have stored. */
async function forgetDeletedVersion(id: string): Promise<boolean> {
  if ((await db().detectorVersion.count({ where: { id } })) > 0) return false;
  await deleteStoredFile(detectorWeightsKeyFor(id)).catch(() => undefined);
  return true;
}

export async function runTrainDetectorJob(options: { detectorVersionId: string }): Promise<TrainDetectorJobResult> {
  const row = await db().detectorVersion.findUnique({ where: { id: options.detectorVersionId } });
  if (!row || row.status !== "training") return { status: "skipped" };
  const id = row.id;
  const version = { id, projectId: row.projectId, version: row.version, trainingImages: row.trainingImages, heldOutImages: row.heldOutImages };
  let metrics: DetectorMetrics = detectorMetrics.parse({});
  const save = async (data: Partial<DetectorMetrics>) => {
    metrics = { ...metrics, ...data };
    await db().detectorVersion.update({ where: { id }, data: { metrics } });
    publishDetectorTraining({ projectId: row.projectId, detectorVersionId: id, status: "training", metrics });
  };
  try {
    const settings = await readProjectSettings({ projectId: row.projectId });
    const manifest = await loadModelManifest();
    const model = manifest.models.find((entry) => entry.id === row.sourceModelId);
    if (!model) throw new Error(`Unknown SAM model "${row.sourceModelId}"`);
    const { train, heldOut } = await loadTrainingImages({
      projectId: row.projectId,
      modelId: row.sourceModelId,
      inputSize: model.inputSize,
      heldOutFraction: settings.detector.heldOutFraction,
    });
    if (train.length === 0) throw new Error("No accepted, encoded images to train on.");
    const epochs = settings.detector.epochs;
    await db().detectorVersion.update({
      where: { id },
      data: { trainingImages: train.length, heldOutImages: heldOut.length },
    });
    Object.assign(version, { trainingImages: train.length, heldOutImages: heldOut.length });
    await save({
      epochs,
      epochsRequested: epochs,
      trainingBoxes: train.reduce((n, image) => n + image.boxes.length, 0),
      heldOutBoxes: heldOut.reduce((n, image) => n + image.boxes.length, 0),
    });
    let lastWrite = 0;
    const trained = await trainDetectorHead({
      samples: toSamples(train, row.sourceModelId),
      epochs,
      maxSeconds: settings.detector.maxTrainingSeconds,
      onEpoch: async ({ epoch, epochs: planned, loss }) => {
        // Training is 90% of the bar; evaluation and storing the rest. `planned` shrinks below
        // the setting when the time budget cannot hold every epoch (see trainDetectorHead).
        if (Date.now() - lastWrite < PROGRESS_INTERVAL_MS && epoch < planned) return;
        lastWrite = Date.now();
        await save({ epoch, epochs: planned, loss, progress: Math.min(0.9, (0.9 * epoch) / planned) });
      },
    });
    try {
      await save({ epoch: trained.epochsRun, loss: trained.finalLoss, progress: 0.9, trainSeconds: Math.round(trained.seconds * 10) / 10 });
      const evaluation = heldOut.length > 0 ? await evaluateDetector({ head: trained.head, samples: toSamples(heldOut, row.sourceModelId) }) : null;
      const weights = await serializeDetectorHead(trained.head);
      const stored = await putDetectorWeights({ versionId: id, bytes: Buffer.from(JSON.stringify(weights)) });
      metrics = {
        ...metrics,
        progress: 1,
        recallAt20: evaluation?.recallAt20 ?? null,
        recallAt100: evaluation?.recallAt100 ?? null,
        ap50: evaluation?.ap50 ?? null,
      };
      await finishDetectorVersion({ version, finish: { status: "trained", weightsKey: stored.key, metrics } });
    } finally {
      disposeDetectorHead(trained.head);
    }
    if (await forgetDeletedVersion(id)) return { status: "skipped" };
    return { status: "trained" };
  } catch (error) {
    if (await forgetDeletedVersion(id)) return { status: "skipped" };
    const message = error instanceof Error ? error.message : String(error);
    // A failed version is visible in the panel; retrying the same data would fail the same way.
    await finishDetectorVersion({ version, finish: { status: "failed", error: message, metrics } });
    console.error(`[detector] version ${id} failed: ${message}`);
    return { status: "failed", error: message };
  }
}
