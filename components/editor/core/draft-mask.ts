// Draft -> full-resolution mask, computed once on commit (the screen shows
// the low-res logits meanwhile). Smart drafts use SAM's own upsampling
// (lib/sam), polygons pycocotools' rasteriser (lib/mask).
import { rasterizePolygons, type BinaryMask } from "@/lib/mask";
import { lowResLogitsToMask } from "@/lib/sam/mask-postprocess";
import { computeResizeGeometry } from "@/lib/sam/prompt-transform";
import { selectedLogits, type Draft } from "./draft";

export function draftMask(options: { draft: Draft; width: number; height: number; inputSize: number }): BinaryMask | null {
  const { draft, width, height, inputSize } = options;
  const shape = draft.shape;
  if (shape.kind === "polygon") {
    if (!shape.closed || shape.vertices.length < 3) return null;
    const ring = shape.vertices.flatMap((v) => [v.x, v.y]);
    return rasterizePolygons([ring], width, height);
  }
  const logits = selectedLogits(shape);
  if (!logits || !shape.decoded) return null;
  const geometry = computeResizeGeometry({ width, height, inputSize });
  const mask = lowResLogitsToMask({ lowRes: logits, geometry, lowResSize: shape.decoded.lowResSize });
  return { width: mask.width, height: mask.height, data: mask.data };
}
