// Segmented masks -> Annotation rows (source "prefill"), and the check that
// decides whether an image's pre-fill may still be replaced.
//
// The prompt column keeps the shape the editor reads (lib/schemas/annotations
// annotationPrompt: points, box, candidate, order) plus a "prefill" block with
// where the mask came from; toAnnotationDto strips the extra block.
import type { Box } from "@/lib/detector/box";
import { encodeMaskToRle, maskBbox } from "@/lib/mask";
import type { Prisma } from "../db/generated/client";
import type { SegmentedMask } from "./segment-proposals";

type Tx = Prisma.TransactionClient;

const plainBox = (box: Box) => ({ x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 });

export interface PrefillProvenance {
  source: "detector" | "grid" | "onnx";
  /** The trained detector's version; null for the grid and user ONNX detectors. */
  detectorVersionId: string | null;
  modelId: string;
  /** source "onnx": which file made the boxes (name in models/detectors/ and its content hash). */
  onnxDetector?: { file: string; sha256: string };
}

export function toPrefillRows(options: {
  projectId: string;
  imageId: string;
  masks: readonly SegmentedMask[];
  provenance: PrefillProvenance;
}): Prisma.AnnotationCreateManyInput[] {
  const { provenance } = options;
  // Largest first, so smaller objects are drawn on top of the ones they overlap.
  const ordered = [...options.masks].sort((a, b) => b.area - a.area);
  return ordered.map((segmented, order) => {
    const rle = encodeMaskToRle(segmented.mask);
    const { proposal } = segmented;
    return {
      projectId: options.projectId,
      imageId: options.imageId,
      labelClassId: null,
      rleCounts: rle.counts,
      maskHeight: segmented.mask.height,
      maskWidth: segmented.mask.width,
      bbox: maskBbox(segmented.mask),
      area: segmented.area,
      source: "prefill",
      modelId: provenance.modelId,
      predictedIou: segmented.predictedIou,
      stabilityScore: segmented.stabilityScore,
      detectorVersionId: provenance.detectorVersionId,
      prompt: {
        points: proposal.kind === "point" ? [{ ...proposal.point, positive: true }] : [],
        // The box that made the mask (with refitBox: the first mask's own box), so the prompt reproduces it.
        box: segmented.promptBox ? plainBox(segmented.promptBox) : null,
        candidate: segmented.candidate,
        order,
        prefill: {
          source: provenance.source,
          proposalScore: proposal.score,
          // The rank pre-fill used (box: detector score x predicted IoU x stability; point: predicted IoU): the editor lists by it.
          confidence: segmented.confidence,
          ...(proposal.kind === "box" ? { proposalBox: plainBox(proposal.box) } : {}),
          refined: segmented.refined,
          ...(provenance.onnxDetector ? { onnxDetector: provenance.onnxDetector } : {}),
        },
      },
    };
  });
}

/**
 * True once anybody acted on the image's pre-fill: a pre-filled mask was
 * edited, relabelled or deleted (version > 1), or another mask names one as
 * its origin. Such a pre-fill is part of the record and is not replaced.
 */
export async function prefillWasTouched(client: Tx, imageId: string): Promise<boolean> {
  const rows = await client.annotation.findMany({ where: { imageId, source: "prefill" }, select: { id: true, version: true, deletedAt: true } });
  if (rows.some((row) => row.version > 1 || row.deletedAt !== null)) return true;
  if (rows.length === 0) return false;
  return (await client.annotation.count({ where: { originId: { in: rows.map((row) => row.id) } } })) > 0;
}
