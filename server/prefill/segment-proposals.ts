// Proposals (boxes from the detector, or grid points) -> confident SAM masks
// for one image. No database: the pre-fill job and the benchmark share it.
//
// Per proposal: decode with the multimask decoder, keep the best candidate
// that passes the predicted-IoU and stability filters (per prompt kind, see
// prompt-thresholds.ts), optionally decode
// again with that mask as mask input (SAM's iterative refinement: the second
// pass usually tightens the boundary and raises stability), then at full
// resolution: stability filter, drop near-whole-image masks, fill small
// holes, drop small islands. A box's mask must agree with its box, and with
// refitBox the box is replaced by the mask's own box and segmented again
// (the refit mask wins when it passes the filters). It must then reach
// minBoxConfidence (detector score x predicted IoU x stability). Finally
// mask NMS across proposals, most confident first.
import { boxIou, type Box } from "@/lib/detector/box";
import { nmsMasks, suppressContained, type ScoredMask } from "@/lib/detector/mask-nms";
import { fillHoles, removeSmallIslands, type BinaryMask } from "@/lib/mask";
import { thresholdLogits, upsampleLowResLogits } from "@/lib/sam/mask-postprocess";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import { computeStabilityScore } from "@/lib/sam/stability-score";
import type { PrefillSettings } from "@/lib/schemas/detector";
import type { DecoderSession } from "../sam/create-decoder-session";
import { decodePrompt } from "../sam/decode-prompt";
import { chooseCandidate, type CandidateChoice } from "./choose-candidate";
import { promptThresholds } from "./prompt-thresholds";

export type Proposal = { kind: "box"; box: Box; score: number } | { kind: "point"; point: { x: number; y: number }; score: number };

export interface SegmentedMask extends ScoredMask {
  predictedIou: number;
  stabilityScore: number;
  candidate: number;
  refined: boolean;
  proposal: Proposal;
  /**
   * The box prompt that made the mask: the proposal's box, or with
   * refitBox the first mask's own box; null for point prompts.
   */
  promptBox: Box | null;
  /** IoU of the first mask's box with the proposal's box (1 for point prompts). */
  boxAgreement: number;
  /**
   * Box prompts: detector score x predicted IoU x stability, the rank mask
   * NMS and the minBoxConfidence bar use. Point prompts: the predicted IoU.
   */
  confidence: number;
}

export interface SegmentProposalsResult {
  masks: SegmentedMask[];
  decodes: number;
  decodeMs: number;
}

type FilterSettings = Pick<
  PrefillSettings,
  | "minPredictedIou"
  | "minStability"
  | "boxMinPredictedIou"
  | "boxMinStability"
  | "minBoxConfidence"
  | "maxImageCoverage"
  | "minRegionArea"
  | "maskNmsIou"
  | "refine"
  | "refitBox"
  | "minBoxAgreement"
  | "preferWholeBox"
  | "gridPreferLargest"
  | "maxContainment"
>;

const ALL_CANDIDATES = [0, 1, 2, 3] as const;
const BOX_CANDIDATES = ALL_CANDIDATES;
const POINT_CANDIDATES = [1, 2, 3] as const;
/** Near misses also get a refinement pass: it often lifts them over the bar. */
const REFINE_MARGIN = 0.05;
/**
 * SAM's predicted IoU can slightly exceed 1; with stability <= 1 a box
 * scoring under minBoxConfidence / this cannot reach the bar, so it is not decoded.
 */
const PREDICTED_IOU_CEILING = 1.1;

function bounds(mask: BinaryMask): { box: Box; area: number } {
  const { width, height, data } = mask;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  let area = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x] === 0) continue;
      area++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return { box: { x0, y0, x1: x1 + 1, y1: y1 + 1 }, area };
}

export async function segmentProposals(options: {
  decoder: DecoderSession;
  embedding: Float32Array;
  geometry: ResizeGeometry;
  proposals: readonly Proposal[];
  settings: FilterSettings;
}): Promise<SegmentProposalsResult> {
  const { decoder, embedding, geometry, proposals, settings } = options;
  if (decoder.variant !== "multimask") throw new Error("Pre-fill needs the multimask decoder (all candidates)");
  const lowResSize = decoder.model.lowResMaskSize;
  const pixels = geometry.width * geometry.height;
  let decodes = 0;
  let decodeMs = 0;
  const thresholdsFor = (box: Box | null) => promptThresholds({ settings, kind: box ? "box" : "point" });

  const decode = async (proposal: Proposal, maskInput: Float32Array | null) => {
    const result = await decodePrompt({
      decoder,
      embedding,
      geometry,
      box: proposal.kind === "box" ? proposal.box : null,
      points: proposal.kind === "point" ? [{ ...proposal.point, positive: true }] : [],
      maskInput,
    });
    decodes++;
    decodeMs += result.decodeMs;
    if (!result.candidates) throw new Error("The decoder returned no candidates");
    return result.candidates;
  };
  const choose = (candidates: Awaited<ReturnType<typeof decode>>, allowed: readonly number[], margin: number, box: Box | null) =>
    chooseCandidate({
      candidates,
      geometry,
      lowResSize,
      allowed,
      box: settings.preferWholeBox ? box : null,
      preferLargest: settings.gridPreferLargest,
      minPredictedIou: thresholdsFor(box).minPredictedIou - margin,
      minStability: thresholdsFor(box).minStability - margin,
    });

  /**
   * One prompt -> its chosen candidate at full resolution, after the
   * stability, coverage and small-region filters; null when it fails them.
   */
  const segmentPrompt = async (proposal: Proposal) => {
    const allowed = proposal.kind === "box" ? BOX_CANDIDATES : POINT_CANDIDATES;
    const promptBox = proposal.kind === "box" ? proposal.box : null;
    const { minPredictedIou, minStability } = thresholdsFor(promptBox);
    let { best, passing } = choose(await decode(proposal, null), allowed, settings.refine ? REFINE_MARGIN : 0, promptBox);
    if (!best || !passing) return null;
    let chosen: CandidateChoice = best;
    let refined = false;
    if (settings.refine) {
      // The mask input must be a copy: the candidate view points into the previous output.
      // With the mask as input the prompt is no longer ambiguous: every candidate may win.
      ({ best, passing } = choose(await decode(proposal, chosen.lowResLogits.slice()), ALL_CANDIDATES, 0, promptBox));
      if (best && passing) {
        chosen = best;
        refined = true;
      } else if (chosen.predictedIou < minPredictedIou || chosen.lowResStability < minStability) {
        return null;
      }
    }
    const logits = upsampleLowResLogits({ lowRes: chosen.lowResLogits, geometry, lowResSize });
    const stabilityScore = computeStabilityScore({ logits });
    if (stabilityScore < minStability) return null;
    let mask: BinaryMask = { data: thresholdLogits({ logits }), width: geometry.width, height: geometry.height };
    if (settings.minRegionArea > 0) {
      mask = removeSmallIslands(fillHoles(mask, { maxHoleArea: settings.minRegionArea - 1 }), settings.minRegionArea);
    }
    const { box, area } = bounds(mask);
    if (area === 0 || area >= settings.maxImageCoverage * pixels) return null;
    return { mask, box, area, stabilityScore, predictedIou: chosen.predictedIou, candidate: chosen.index, refined };
  };

  const kept: SegmentedMask[] = [];
  for (const proposal of proposals) {
    if (proposal.kind === "box" && proposal.score * PREDICTED_IOU_CEILING < settings.minBoxConfidence) continue;
    let segmented = await segmentPrompt(proposal);
    if (!segmented) continue;
    const boxAgreement = proposal.kind === "box" ? boxIou(segmented.box, proposal.box) : 1;
    if (boxAgreement < settings.minBoxAgreement) continue;
    let promptBox = proposal.kind === "box" ? proposal.box : null;
    if (proposal.kind === "box" && settings.refitBox) {
      // Prompt again with the mask's own tight box: a detector box is often
      // loose or off-centre, SAM was trained on boxes close to the object,
      // and the second mask is more often the whole object (issue 7 report).
      const tightBox = segmented.box;
      const refit = await segmentPrompt({ ...proposal, box: tightBox });
      if (refit) {
        segmented = refit;
        promptBox = tightBox;
      }
    }
    const { mask, box, area, stabilityScore, predictedIou, candidate, refined } = segmented;
    // A box's three pieces of evidence multiply: a confident detector cannot
    // carry an unstable mask, nor a crisp mask a box the detector doubts.
    const confidence = proposal.kind === "box" ? proposal.score * predictedIou * stabilityScore : predictedIou;
    if (proposal.kind === "box" && confidence < settings.minBoxConfidence) continue;
    kept.push({ mask, bounds: box, area, score: confidence, confidence, predictedIou, stabilityScore, candidate, refined, proposal, promptBox, boxAgreement });
  }
  const distinct = nmsMasks({ masks: kept, iouThreshold: settings.maskNmsIou });
  const masks = settings.maxContainment < 1 ? suppressContained({ masks: distinct, maxContainment: settings.maxContainment }) : distinct;
  return { masks, decodes, decodeMs };
}
