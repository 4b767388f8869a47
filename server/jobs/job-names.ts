// Background job names and payloads: the contract between the processes that
// enqueue (app, seed, tests) and the worker that runs the handlers.
export const JOBS = {
  makeThumbnail: "make-thumbnail",
  encodeImage: "encode-image",
  exportDataset: "export-dataset",
  trainDetector: "train-detector",
  prefillImage: "prefill-image",
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];

export type JobPayloads = {
  "make-thumbnail": { imageId: string };
  "encode-image": { modelId: string; imageSha256: string; imageId: string };
  "export-dataset": { exportId: string };
  "train-detector": { detectorVersionId: string };
  /** attempt counts re-queues while the image's embedding is not ready yet. */
  "prefill-image": { imageId: string; attempt?: number };
};
