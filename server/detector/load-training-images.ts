// The project's accepted images and the boxes of their live masks (every
// label class counts as "object"), split into training and held-out sets.
//
// Accepted: the image's annotate task is accepted (reviewed), or its masks
// were imported as ground truth (source "import"). An accepted image without
// masks stays in: it teaches the detector what is not an object. Images
// whose embedding is not ready for the project's model are left out.
import { createHash } from "node:crypto";
import type { Box } from "@/lib/detector/box";
import { computeResizeGeometry, type ResizeGeometry } from "@/lib/sam/prompt-transform";
import { db } from "../db/client";

export interface TrainingImage {
  imageId: string;
  sha256: string;
  geometry: ResizeGeometry;
  boxes: Box[];
}

/**
 * Stable split by image content: the same picture is always on the same side
 * (across versions, and across projects holding the same file), so versions
 * are compared on the same held-out images and runs are reproducible.
 */
export function isHeldOut(imageSha256: string, fraction: number): boolean {
  const hash = createHash("sha256").update(`detector-split:${imageSha256}`).digest();
  return hash.readUInt32BE(0) / 2 ** 32 < fraction;
}

export async function loadTrainingImages(options: {
  projectId: string;
  modelId: string;
  inputSize: number;
  heldOutFraction: number;
}): Promise<{ train: TrainingImage[]; heldOut: TrainingImage[]; notEncoded: number }> {
  const { projectId, modelId } = options;
  const images = await db().image.findMany({
    where: {
      projectId,
      OR: [
        { tasks: { some: { stage: "annotate", status: "accepted" } } },
        { annotations: { some: { source: "import", deletedAt: null } } },
      ],
    },
    select: { id: true, sha256: true, width: true, height: true },
    orderBy: { id: "asc" },
  });
  const encoded = new Set(
    (
      await db().embedding.findMany({
        where: { modelId, status: "done", imageSha256: { in: images.map((image) => image.sha256) } },
        select: { imageSha256: true },
      })
    ).map((row) => row.imageSha256),
  );
  const usable = images.filter((image) => encoded.has(image.sha256));
  const annotations = await db().annotation.findMany({
    where: { imageId: { in: usable.map((image) => image.id) }, deletedAt: null },
    select: { imageId: true, bbox: true },
  });
  const boxes = new Map<string, Box[]>();
  for (const annotation of annotations) {
    const [x = 0, y = 0, w = 0, h = 0] = annotation.bbox;
    if (w <= 0 || h <= 0) continue;
    const list = boxes.get(annotation.imageId) ?? [];
    list.push({ x0: x, y0: y, x1: x + w, y1: y + h });
    boxes.set(annotation.imageId, list);
  }
  const all = usable.map((image) => ({
    imageId: image.id,
    sha256: image.sha256,
    geometry: computeResizeGeometry({ width: image.width, height: image.height, inputSize: options.inputSize }),
    boxes: boxes.get(image.id) ?? [],
  }));
  let heldOut = all.filter((image) => isHeldOut(image.sha256, options.heldOutFraction));
  let train = all.filter((image) => !isHeldOut(image.sha256, options.heldOutFraction));
  // Small projects: still hold one image out so every version has an evaluation.
  if (heldOut.length === 0 && train.length >= 5) {
    heldOut = train.slice(-1);
    train = train.slice(0, -1);
  }
  return { train, heldOut, notEncoded: images.length - usable.length };
}
