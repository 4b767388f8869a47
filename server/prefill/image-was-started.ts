// Pre-fill goes only on images nobody has started: an annotator who opened
// an image must not see machine masks appear under their hands (the job can
// run seconds after it was queued, e.g. right after the prefetch of their
// next image encoded it). Same rule as findUnstartedImages: an annotate task
// past "todo", or any live manual/imported mask, means started.
import type { Prisma } from "../db/generated/client";

type Client = Pick<Prisma.TransactionClient, "task" | "annotation">;

export async function imageWasStarted(client: Client, imageId: string): Promise<boolean> {
  // One after the other: inside a transaction the queries share one connection.
  if ((await client.task.count({ where: { imageId, stage: "annotate", status: { notIn: ["todo"] } } })) > 0) return true;
  return (await client.annotation.count({ where: { imageId, source: { in: ["manual", "import"] }, deletedAt: null } })) > 0;
}
