// The editor's pre-fill layer for one image: the live pre-filled masks (not
// deleted, still source "prefill"), each as the usual AnnotationDto plus
// where it came from. Members of the image's project only; anyone else gets
// "Image not found." so ids reveal nothing.
//
// Editor contract (see the issue 7 report): accept = keep the row as is
// (optionally relabel it with PATCH); delete = DELETE the row; correct =
// create a new mask with originId = the pre-fill's id and delete the
// pre-fill (an in-place mask edit also counts as a correction).
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { annotationDtoSelect, toAnnotationDto } from "../annotations/annotation-dto";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError, isAppError } from "../errors/app-error";

export interface PrefillAnnotation {
  annotation: AnnotationDto;
  detectorVersionId: string | null;
  /** "detector", "grid" or "onnx" (a user ONNX detector); null for rows written before provenance was stored. */
  proposalSource: "detector" | "grid" | "onnx" | null;
  /** proposalSource "onnx": the detector file and its sha256. */
  onnxDetector: { file: string; sha256: string } | null;
  /** The detector's box score (grid points: 1). */
  proposalScore: number | null;
  /** The mask's confidence, the rank pre-fill kept it by (see prefillConfidence). */
  confidence: number | null;
}

/**
 * A pre-fill's confidence: stored with the row since it was introduced; for
 * older rows rebuilt from what they keep (box prompts: proposal score x
 * predicted IoU x stability; grid points: predicted IoU). A grid point's
 * proposal score is always 1, so showing that would say nothing.
 */
export function prefillConfidence(row: { prompt: unknown; predictedIou: number | null; stabilityScore: number | null }): number | null {
  const { source, score, confidence } = prefillProvenance(row.prompt);
  if (confidence !== null) return confidence;
  if (row.predictedIou === null) return null;
  if (source === "grid") return row.predictedIou;
  if (score === null || row.stabilityScore === null) return null;
  return score * row.predictedIou * row.stabilityScore;
}

/** Where a pre-fill came from, read from the "prefill" block its row's prompt keeps (see prefill-rows.ts). */
export function prefillProvenance(prompt: unknown): {
  source: "detector" | "grid" | "onnx" | null;
  score: number | null;
  /** As stored with the row (older rows have none: prefillConfidence rebuilds it). */
  confidence: number | null;
  onnxDetector: { file: string; sha256: string } | null;
} {
  const block = prompt && typeof prompt === "object" ? (prompt as { prefill?: unknown }).prefill : undefined;
  if (!block || typeof block !== "object") return { source: null, score: null, confidence: null, onnxDetector: null };
  const { source, proposalScore, confidence, onnxDetector } = block as { source?: unknown; proposalScore?: unknown; confidence?: unknown; onnxDetector?: unknown };
  const file = onnxDetector && typeof onnxDetector === "object" ? (onnxDetector as { file?: unknown; sha256?: unknown }) : null;
  return {
    source: source === "detector" || source === "grid" || source === "onnx" ? source : null,
    score: typeof proposalScore === "number" ? proposalScore : null,
    confidence: typeof confidence === "number" && Number.isFinite(confidence) ? confidence : null,
    onnxDetector: file && typeof file.file === "string" && typeof file.sha256 === "string" ? { file: file.file, sha256: file.sha256 } : null,
  };
}

export async function listPrefillAnnotations(options: { actor: Actor; imageId: string }): Promise<PrefillAnnotation[]> {
  const { actor, imageId } = options;
  const image = await db().image.findUnique({ where: { id: imageId }, select: { projectId: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  try {
    await requireProjectAccess({ actor, projectId: image.projectId });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") throw new AppError("not_found", "Image not found.");
    throw error;
  }
  const rows = await db().annotation.findMany({
    where: { imageId, source: "prefill", deletedAt: null },
    select: { ...annotationDtoSelect, detectorVersionId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows
    .map(({ detectorVersionId, ...row }) => {
      const origin = prefillProvenance(row.prompt);
      return {
        annotation: toAnnotationDto(row),
        detectorVersionId,
        proposalSource: origin.source,
        proposalScore: origin.score,
        confidence: prefillConfidence(row),
        onnxDetector: origin.onnxDetector,
      };
    })
    .sort((a, b) => (a.annotation.prompt?.order ?? 0) - (b.annotation.prompt?.order ?? 0));
}
