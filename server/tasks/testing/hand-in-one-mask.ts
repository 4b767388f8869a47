// Test helper: the actor claims their next image, draws a one-pixel mask on it
// and hands it in (accepted at once or sent to review, as the project samples).
import type { Actor } from "../../auth/actor";
import { db } from "../../db/client";
import { claimNextTask } from "../claim-next-task";
import { submitTask } from "../submit-task";

export async function handInOneMask(actor: Actor, projectId: string): Promise<string> {
  const work = (await claimNextTask({ actor, projectId, prefetch: false })).task!;
  await db().annotation.create({ data: { projectId, imageId: work.imageId, rleCounts: "0", maskHeight: 480, maskWidth: 640, bbox: [0, 0, 1, 1], area: 1, authorId: actor.id } });
  await submitTask({ actor, taskId: work.id });
  return work.imageId;
}
