// The project's accepted images and the boxes of their live masks (every
// label class counts as "object"), split into training and held-out sets.
//
// Accepted: the image's annotate task is accepted (reviewed), or its masks
// were imported as ground truth (source "import"). An accepted image without
// masks stays in: it teaches the detector what is not an object. Images
// whose embedding is not ready for the project's model are left out. Each
// box comes with its mask's cell coverage, so training makes only the grid
// cells on the object positive.
import { createHash } from "node:crypto";
import type { Box } from "@/lib/detector/box";
import { cellCoverage } from "@/lib/detector/cell-coverage";
import { decodeRleToMask } from "@/lib/mask";
import { computeResizeGeometry, type ResizeGeometry } from "@/lib/sam/prompt-transform";
import { db } from "../db/client";

export interface TrainingImage {
  imageId: string;
  sha256: string;
  geometry: ResizeGeometry;
  boxes: Box[];
  /** Per box, how much of each 64x64 detector cell its mask covers (null: a mask that no longer decodes). */
  coverages: (Float32Array | null)[];
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

function coverageOf(annotation: { rleCounts: string; maskWidth: number; maskHeight: number }, geometry: ResizeGeometry): Float32Array | null {
  // A mask stored at another size than the image cannot be placed on the grid: its box alone is used.
  if (annotation.maskWidth !== geometry.width || annotation.maskHeight !== geometry.height) return null;
  try {
    return cellCoverage({ mask: decodeRleToMask({ size: [annotation.maskHeight, annotation.maskWidth], counts: annotation.rleCounts }), geometry });
  } catch {
    return null;
  }
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
    select: { imageId: true, bbox: true, rleCounts: true, maskWidth: true, maskHeight: true },
  });
  const geometries = new Map(usable.map((image) => [image.id, computeResizeGeometry({ width: image.width, height: image.height, inputSize: options.inputSize })]));
  const objects = new Map<string, { boxes: Box[]; coverages: (Float32Array | null)[] }>();
  for (const annotation of annotations) {
    const [x = 0, y = 0, w = 0, h = 0] = annotation.bbox;
    const geometry = geometries.get(annotation.imageId);
    if (w <= 0 || h <= 0 || !geometry) continue;
    const entry = objects.get(annotation.imageId) ?? { boxes: [], coverages: [] };
    entry.boxes.push({ x0: x, y0: y, x1: x + w, y1: y + h });
    entry.coverages.push(coverageOf(annotation, geometry));
    objects.set(annotation.imageId, entry);
  }
  const all = usable.map((image) => ({
    imageId: image.id,
    sha256: image.sha256,
    geometry: geometries.get(image.id)!,
    boxes: objects.get(image.id)?.boxes ?? [],
    coverages: objects.get(image.id)?.coverages ?? [],
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
