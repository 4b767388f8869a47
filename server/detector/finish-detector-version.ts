// A training run's end: the version becomes "trained" or "failed" (only if it
// is still "training": a parallel retry may have finished first) and the
// project's webhooks hear of it in the same transaction.
import type { DetectorMetrics } from "@/lib/schemas/detector";
import { db } from "../db/client";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";

type Finish = { status: "trained"; weightsKey: string; metrics: DetectorMetrics } | { status: "failed"; error: string; metrics: DetectorMetrics };

export async function finishDetectorVersion(options: { version: { id: string; projectId: string; version: number; trainingImages: number; heldOutImages: number }; finish: Finish }): Promise<boolean> {
  const { version, finish } = options;
  const data = finish.status === "trained" ? { status: finish.status, weightsKey: finish.weightsKey, metrics: finish.metrics, error: null } : { status: finish.status, error: finish.error.slice(0, 1000) };
  return db().$transaction(async (tx) => {
    const { count } = await tx.detectorVersion.updateMany({ where: { id: version.id, status: "training" }, data });
    if (count === 0) return false;
    const { recallAt20, recallAt100, ap50 } = finish.metrics;
    await queueWebhookEvent({
      tx,
      projectId: version.projectId,
      event: "detector.trained",
      data: {
        detectorVersionId: version.id,
        version: version.version,
        status: finish.status,
        error: finish.status === "failed" ? data.error : null,
        trainingImages: version.trainingImages,
        heldOutImages: version.heldOutImages,
        heldOut: finish.status === "trained" ? { recallAt20, recallAt100, ap50 } : null,
      },
    });
    return true;
  });
}
