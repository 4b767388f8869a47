// The project's active detector head, loaded from the content store once
// per version per worker process (weights never change for a version).
import { detectorWeightsFile } from "@/lib/schemas/detector";
import { db } from "../db/client";
import { readStoredBuffer } from "../storage/content-store";
import { deserializeDetectorHead, type DetectorHead } from "./detector-head";
import { tfjsRuntime } from "./tfjs-runtime";

const heads = new Map<string, Promise<DetectorHead>>();
/** A handful of projects' heads (~1 MB each) per worker is plenty. */
const MAX_CACHED = 8;

export async function loadActiveDetector(options: { projectId: string }): Promise<{ versionId: string; sourceModelId: string; head: DetectorHead } | null> {
  const active = await db().detectorVersion.findFirst({
    where: { projectId: options.projectId, status: "active", weightsKey: { not: null } },
    select: { id: true, weightsKey: true, sourceModelId: true },
    orderBy: { activatedAt: "desc" },
  });
  if (!active?.weightsKey) return null;
  const key = active.weightsKey;
  let head = heads.get(active.id);
  if (!head) {
    head = (async () => {
      const tf = await tfjsRuntime();
      const file = detectorWeightsFile.parse(JSON.parse((await readStoredBuffer(key)).toString("utf8")));
      return deserializeDetectorHead(tf, file);
    })();
    head.catch(() => heads.delete(active.id));
    if (heads.size >= MAX_CACHED) {
      const oldest = heads.keys().next().value;
      if (oldest !== undefined) heads.delete(oldest);
    }
    heads.set(active.id, head);
  }
  return { versionId: active.id, sourceModelId: active.sourceModelId, head: await head };
}
