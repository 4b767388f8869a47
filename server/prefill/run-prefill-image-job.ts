// Worker job: pre-fill one image. Proposals (the active detector's boxes, a
// user ONNX detector's boxes, or the point grid) -> SAM masks through the confidence filters -> Annotation
// rows with source "prefill".
//
// Idempotent: in one transaction (image row locked) it deletes the image's
// previous, untouched pre-fill and inserts the new one, so re-running
// replaces and never duplicates; two runs at once serialise on the lock. Once
// an annotator acted on a pre-fill (see prefillWasTouched) the image is
// skipped, and so is an image somebody has started (imageWasStarted), checked
// first and again under the lock. Without a ready embedding the job
// re-queues itself for later.
import { db } from "../db/client";
import { loadActiveDetector } from "../detector/load-active-detector";
import { readProjectSettings } from "../detector/read-project-settings";
import { readStoredEmbedding } from "../detector/read-stored-embedding";
import { JOBS } from "../jobs/job-names";
import { enqueueJob } from "../jobs/queue";
import { onnxDetectorName } from "@/lib/schemas/detector";
import { computeResizeGeometry } from "@/lib/sam/prompt-transform";
import { readStoredBuffer } from "../storage/content-store";
import { prefillDecoderFor } from "./decoder-sessions";
import { detectOnnxBoxes } from "./detect-onnx-boxes";
import { imageWasStarted } from "./image-was-started";
import { loadOnnxDetector, OnnxDetectorError, type OnnxDetector } from "./load-onnx-detector";
import { prefillWasTouched, toPrefillRows, type PrefillProvenance } from "./prefill-rows";
import { proposeRegions, type ProposalSource } from "./propose-regions";
import { segmentProposals, type Proposal } from "./segment-proposals";

export type PrefillJobResult =
  | { status: "done"; created: number; replaced: number; source: PrefillProvenance["source"]; seconds: number }
  | { status: "skipped"; reason: "image_missing" | "already_reviewed" | "image_started" | "no_detector" }
  /** The selected ONNX detector is missing or breaks the contract; detail names the file and the problem. */
  | { status: "skipped"; reason: "onnx_detector_unusable"; detail: string }
  | { status: "waiting"; reason: "embedding_not_ready" };

/** Re-queues while the encoder catches up: 20 x 30 s = 10 minutes. */
const MAX_WAIT_ATTEMPTS = 20;
const WAIT_SECONDS = 30;

export async function runPrefillImageJob(options: { imageId: string; attempt?: number }): Promise<PrefillJobResult> {
  const started = performance.now();
  const { imageId } = options;
  const image = await db().image.findUnique({ where: { id: imageId }, select: { id: true, projectId: true, sha256: true, width: true, height: true, storageKey: true } });
  if (!image) return { status: "skipped", reason: "image_missing" };
  if (await prefillWasTouched(db(), imageId)) return { status: "skipped", reason: "already_reviewed" };
  if (await imageWasStarted(db(), imageId)) return { status: "skipped", reason: "image_started" };
  const { modelId, prefill: settings } = await readProjectSettings({ projectId: image.projectId });

  let source: ProposalSource = { kind: "grid" };
  let provenance: PrefillProvenance = { source: "grid", detectorVersionId: null, modelId };
  let onnx: OnnxDetector | null = null;
  const onnxName = onnxDetectorName(settings.source);
  if (onnxName !== null) {
    try {
      onnx = await loadOnnxDetector({ name: onnxName });
    } catch (error) {
      if (error instanceof OnnxDetectorError) return { status: "skipped", reason: "onnx_detector_unusable", detail: error.message };
      throw error;
    }
    provenance = { source: "onnx", detectorVersionId: null, modelId, onnxDetector: { file: onnx.fileName, sha256: onnx.sha256 } };
  } else if (settings.source !== "grid") {
    const detector = await loadActiveDetector({ projectId: image.projectId });
    // A detector trained on another SAM model's embeddings cannot read this one's.
    if (detector && detector.sourceModelId === modelId) {
      source = { kind: "detector", head: detector.head };
      provenance = { source: "detector", detectorVersionId: detector.versionId, modelId };
    } else if (settings.source === "detector") {
      return { status: "skipped", reason: "no_detector" };
    }
  }

  const embedding = await readStoredEmbedding({ modelId, imageSha256: image.sha256 });
  if (!embedding) {
    const attempt = (options.attempt ?? 0) + 1;
    if (attempt <= MAX_WAIT_ATTEMPTS) {
      await enqueueJob(JOBS.prefillImage, { imageId, attempt }, { startAfterSeconds: WAIT_SECONDS, singletonKey: `prefill:${imageId}:${attempt}` });
    }
    return { status: "waiting", reason: "embedding_not_ready" };
  }
  const decoder = await prefillDecoderFor(modelId);
  const geometry = computeResizeGeometry({ width: image.width, height: image.height, inputSize: decoder.model.inputSize });
  let proposals: Proposal[];
  if (onnx) {
    let boxes;
    try {
      boxes = await detectOnnxBoxes({ detector: onnx, image: await readStoredBuffer(image.storageKey), settings });
    } catch (error) {
      if (error instanceof OnnxDetectorError) return { status: "skipped", reason: "onnx_detector_unusable", detail: error.message };
      throw error;
    }
    proposals = boxes.map(({ score, ...box }) => ({ kind: "box", box, score }));
  } else {
    proposals = await proposeRegions({ source, embedding, geometry, settings });
  }
  const { masks } = await segmentProposals({ decoder, embedding, geometry, proposals, settings });
  const rows = toPrefillRows({ projectId: image.projectId, imageId, masks, provenance });

  const outcome = await db().$transaction(
    async (tx) => {
      // Serialises concurrent runs for the same image (pg-boss is at-least-once).
      await tx.$queryRaw`SELECT id FROM "Image" WHERE id = ${imageId} FOR UPDATE`;
      if (await prefillWasTouched(tx, imageId)) return "already_reviewed" as const;
      if (await imageWasStarted(tx, imageId)) return "image_started" as const;
      const removed = await tx.annotation.deleteMany({ where: { imageId, source: "prefill" } });
      await tx.annotation.createMany({ data: rows });
      return removed.count;
    },
    { timeout: 30_000 },
  );
  if (typeof outcome === "string") return { status: "skipped", reason: outcome };
  return { status: "done", created: rows.length, replaced: outcome, source: provenance.source, seconds: (performance.now() - started) / 1000 };
}
