// Finds the images of a project pre-fill may still go on and queues one
// prefill-image job each. Shared by the manager's "Pre-fill images" button
// and the automatic triggers (embedding ready, detector activated); callers
// check permissions. "Nobody has started it": no annotate task past "todo"
// and no manual or imported mask. Whether a pre-fill was already acted on is
// checked again by the job itself, under the image's row lock.
import { db } from "../db/client";
import { JOBS } from "../jobs/job-names";
import { enqueueJob } from "../jobs/queue";

const MAX_IMAGES = 10_000;

/** One queued job per image at a time (the queue's "stately" policy keys on it). */
export function prefillSingletonKey(imageId: string): string {
  return `prefill:${imageId}`;
}

export async function findUnstartedImages(options: {
  projectId: string;
  /** Restrict to these images (others of the project are ignored). */
  imageIds?: string[];
  /** Also skip images that already carry a pre-fill (live or deleted). */
  withoutPrefill?: boolean;
}): Promise<string[]> {
  const images = await db().image.findMany({
    where: {
      projectId: options.projectId,
      ...(options.imageIds ? { id: { in: options.imageIds } } : {}),
      annotations: options.withoutPrefill ? { none: { source: { in: ["manual", "import", "prefill"] } } } : { none: { source: { in: ["manual", "import"] } } },
      tasks: { none: { stage: "annotate", status: { notIn: ["todo"] } } },
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: MAX_IMAGES,
  });
  return images.map((image) => image.id);
}

export async function queuePrefillJobs(options: { imageIds: readonly string[] }): Promise<{ queued: number }> {
  for (const imageId of options.imageIds) {
    await enqueueJob(JOBS.prefillImage, { imageId }, { singletonKey: prefillSingletonKey(imageId) });
  }
  return { queued: options.imageIds.length };
}
