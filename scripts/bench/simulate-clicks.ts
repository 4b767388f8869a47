// Runs the simulated user against the native decoder: every click adds to
// the prompt, and the previous low-res logits go back in as mask_input
// (has_mask_input = 1), as in SAM's interactive evaluation.
import { computeMaskIoU } from "@/lib/sam/mask-iou";
import { thresholdLogits } from "@/lib/sam/mask-postprocess";
import type { PromptPoint, ResizeGeometry } from "@/lib/sam/prompt-transform";
import type { DecoderSession } from "@/server/sam/create-decoder-session";
import { decodePrompt } from "@/server/sam/decode-prompt";
import { findNextClick, type GroundTruth, type SimulatedClick } from "./find-next-click";

export interface ClickRun {
  clicks: SimulatedClick[];
  /** IoU with the ground truth after each click (ignore pixels excluded). */
  ious: number[];
  decodeMs: number[];
}

export async function simulateClicks({
  decoder,
  embedding,
  geometry,
  groundTruth,
  maxClicks = 20,
  stopAtIoU,
  keepMasks,
}: {
  decoder: DecoderSession;
  embedding: Float32Array;
  geometry: ResizeGeometry;
  groundTruth: GroundTruth;
  maxClicks?: number;
  /** Stop once IoU reaches this (later clicks cannot change NoC at or below it). */
  stopAtIoU?: number;
  /** Receives the binary prediction after each click. */
  keepMasks?: (mask: Uint8Array, clickIndex: number) => void;
}): Promise<ClickRun> {
  if (geometry.width !== groundTruth.width || geometry.height !== groundTruth.height) {
    throw new Error(`Image is ${geometry.width}x${geometry.height} but mask is ${groundTruth.width}x${groundTruth.height}`);
  }
  const clicks: SimulatedClick[] = [];
  const ious: number[] = [];
  const decodeMs: number[] = [];
  const clicked = new Set<number>();
  let prediction: Uint8Array = new Uint8Array(groundTruth.width * groundTruth.height);
  let previousLogits: Float32Array | null = null;
  for (let k = 0; k < maxClicks; k++) {
    const click = findNextClick({ groundTruth, prediction, clicked });
    clicks.push(click);
    clicked.add(click.y * groundTruth.width + click.x);
    const result = await decodePrompt({
      decoder,
      embedding,
      geometry,
      // Click at the pixel centre.
      points: clicks.map((c): PromptPoint => ({ x: c.x + 0.5, y: c.y + 0.5, positive: c.positive })),
      maskInput: previousLogits,
    });
    decodeMs.push(result.decodeMs);
    previousLogits = result.lowResLogits;
    prediction = thresholdLogits({ logits: result.maskLogits });
    keepMasks?.(prediction, k);
    const iou = computeMaskIoU({ a: prediction, b: groundTruth.mask, ignore: groundTruth.ignore });
    ious.push(iou);
    if (stopAtIoU !== undefined && iou >= stopAtIoU) break;
  }
  return { clicks, ious, decodeMs };
}

/** Replays fixed clicks (with mask feedback) and returns the prediction after each. */
export async function replayClicks({
  decoder,
  embedding,
  geometry,
  clicks,
}: {
  decoder: DecoderSession;
  embedding: Float32Array;
  geometry: ResizeGeometry;
  clicks: readonly SimulatedClick[];
}): Promise<Uint8Array[]> {
  const masks: Uint8Array[] = [];
  let previousLogits: Float32Array | null = null;
  for (let k = 1; k <= clicks.length; k++) {
    const result = await decodePrompt({
      decoder,
      embedding,
      geometry,
      points: clicks.slice(0, k).map((c) => ({ x: c.x + 0.5, y: c.y + 0.5, positive: c.positive })),
      maskInput: previousLogits,
    });
    previousLogits = result.lowResLogits;
    masks.push(thresholdLogits({ logits: result.maskLogits }));
  }
  return masks;
}

/** Number of clicks to reach `threshold` IoU; maxClicks when never reached (RITM's convention). */
export function numberOfClicks({ ious, threshold, maxClicks }: { ious: readonly number[]; threshold: number; maxClicks: number }): number {
  const index = ious.findIndex((iou) => iou >= threshold);
  return index < 0 ? maxClicks : index + 1;
}
