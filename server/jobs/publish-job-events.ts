// Live events from the worker's jobs, through the outbox (publishEvent), so
// open pages update when background work finishes instead of on their next poll.
//
//   embedding:changed  { projectId, imageId, modelId, status: "done" | "failed", error }
//                      to the project room and the image room of every image with that content
//                      (an embedding is per model + image content)
//   prefill:image      { projectId, imageId, status: "done", created, source }  to the project and image rooms
//   detector:training  { projectId, detectorVersionId, status: "training" | "trained" | "failed", metrics?, error? }
//                      to the project room: per progress write while training, then the outcome
//   export:progress    (server/exports/publish-export-progress.ts)
import { db } from "../db/client";
import { imageRoom, publishEvent } from "../realtime/publish-event";
import { projectRoom } from "../realtime/socket-server";

export const JOB_EVENTS = { embeddingChanged: "embedding:changed", prefillImage: "prefill:image", detectorTraining: "detector:training" } as const;

/** Events after which project progress counts (encoded, pre-filled) have changed. */
export const PROGRESS_EVENTS: ReadonlySet<string> = new Set([JOB_EVENTS.embeddingChanged, JOB_EVENTS.prefillImage]);

export type EmbeddingChangedEvent = { projectId: string; imageId: string; modelId: string; status: "done" | "failed"; error: string | null };
export type DetectorTrainingEvent = { projectId: string; detectorVersionId: string; status: "training" | "trained" | "failed"; metrics?: unknown; error?: string | null };

export async function publishEmbeddingChanged(options: { modelId: string; imageSha256: string; status: "done" | "failed"; error?: string }): Promise<void> {
  const images = await db().image.findMany({ where: { sha256: options.imageSha256, project: { modelId: options.modelId } }, select: { id: true, projectId: true } });
  for (const image of images) {
    const payload: EmbeddingChangedEvent = { projectId: image.projectId, imageId: image.id, modelId: options.modelId, status: options.status, error: options.error?.slice(0, 300) ?? null };
    publishEvent({ rooms: [projectRoom(image.projectId), imageRoom(image.id)], event: JOB_EVENTS.embeddingChanged, payload });
  }
}

export async function publishPrefillImage(options: { imageId: string; created: number; source: "detector" | "grid" | "onnx" }): Promise<void> {
  const image = await db().image.findUnique({ where: { id: options.imageId }, select: { projectId: true } });
  if (!image) return;
  const payload = { projectId: image.projectId, imageId: options.imageId, status: "done" as const, created: options.created, source: options.source };
  publishEvent({ rooms: [projectRoom(image.projectId), imageRoom(options.imageId)], event: JOB_EVENTS.prefillImage, payload });
}

export function publishDetectorTraining(event: DetectorTrainingEvent): void {
  publishEvent({ rooms: [projectRoom(event.projectId)], event: JOB_EVENTS.detectorTraining, payload: event });
}
