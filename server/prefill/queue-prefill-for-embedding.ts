// Automatic pre-fill when an embedding becomes ready: every image with that
// picture (one embedding serves all copies: identity is model + SHA-256) in
// a project on that model where auto pre-fill applies, that nobody started
// and that has no pre-fill yet. Called by the encode job on "done" and on
// "skipped" (a copy uploaded after the first was encoded). Cheap when no
// project qualifies; never queues an image twice (singleton key per image).
import { db } from "../db/client";
import { autoPrefillEnabled } from "./auto-prefill-enabled";
import { findUnstartedImages, queuePrefillJobs } from "./queue-prefill-jobs";

export async function queuePrefillForEmbedding(options: { modelId: string; imageSha256: string }): Promise<{ queued: number }> {
  const images = await db().image.findMany({
    where: { sha256: options.imageSha256, project: { modelId: options.modelId } },
    select: { id: true, projectId: true },
  });
  const byProject = new Map<string, string[]>();
  for (const image of images) byProject.set(image.projectId, [...(byProject.get(image.projectId) ?? []), image.id]);
  let queued = 0;
  for (const [projectId, imageIds] of byProject) {
    if (!(await autoPrefillEnabled({ projectId }))) continue;
    const ready = await findUnstartedImages({ projectId, imageIds, withoutPrefill: true });
    queued += (await queuePrefillJobs({ imageIds: ready })).queued;
  }
  return { queued };
}
