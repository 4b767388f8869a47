// The webhook events of a hand-in, queued in its transaction: task.submitted
// always; an image accepted without review (review sampling) also sends
// review.accepted at once, with no reviewer, so a pipeline waiting for
// accepted images does not wait for a review that will never come.
import type { Actor } from "../auth/actor";
import type { Prisma } from "../db/generated/client";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";
import { webhookImageData, webhookPerson } from "../webhooks/webhook-event-data";

export async function queueSubmitEvents(options: {
  tx: Prisma.TransactionClient;
  actor: Actor;
  projectId: string;
  taskId: string;
  imageId: string;
  /** Null: accepted without review. */
  reviewTaskId: string | null;
}): Promise<void> {
  const { tx, actor, projectId, taskId, imageId, reviewTaskId } = options;
  const reviewed = reviewTaskId !== null;
  await queueWebhookEvent({
    tx,
    projectId,
    event: "task.submitted",
    data: async () => ({ taskId, reviewTaskId, reviewed, image: await webhookImageData({ imageId, tx }), annotator: webhookPerson(actor) }),
  });
  if (reviewed) return;
  await queueWebhookEvent({
    tx,
    projectId,
    event: "review.accepted",
    data: async () => ({
      reviewTaskId: null,
      taskId,
      image: await webhookImageData({ imageId, tx }),
      reviewer: null,
      annotatorId: actor.id,
      comment: "",
      reviewSkipped: true,
      handIns: [],
    }),
  });
}
