// The trainer's time budget: a run that cannot fit its epochs plans fewer
// (so the learning-rate schedule still completes) instead of being cut off
// mid-schedule. Random embeddings: this is about the loop, not learning.
import { describe, expect, it } from "vitest";
import { computeResizeGeometry } from "@/lib/sam/prompt-transform";
import { disposeDetectorHead } from "./detector-head";
import { mulberry32 } from "./seeded-random";
import { trainDetectorHead, type DetectorSample } from "./train-detector-head";

function randomSample(seed: number): DetectorSample {
  const random = mulberry32(seed);
  const embedding = new Float32Array(256 * 64 * 64);
  for (let i = 0; i < embedding.length; i++) embedding[i] = random() - 0.5;
  return {
    geometry: computeResizeGeometry({ width: 320, height: 240, inputSize: 1024 }),
    boxes: [{ x0: 40, y0: 30, x1: 120, y1: 110 }],
    loadEmbedding: async () => embedding,
  };
}

describe("trainDetectorHead", () => {
  it("runs every epoch when the budget holds them", async () => {
    const seen: { epoch: number; epochs: number }[] = [];
    const result = await trainDetectorHead({ samples: [randomSample(1), randomSample(2)], epochs: 3, onEpoch: ({ epoch, epochs }) => void seen.push({ epoch, epochs }) });
    disposeDetectorHead(result.head);
    expect(result.epochsRun).toBe(3);
    expect(seen).toEqual([
      { epoch: 1, epochs: 3 },
      { epoch: 2, epochs: 3 },
      { epoch: 3, epochs: 3 },
    ]);
  }, 60_000);

  it("plans fewer epochs when the budget cannot hold them, and finishes the shortened plan", async () => {
    const seen: { epoch: number; epochs: number }[] = [];
    const result = await trainDetectorHead({
      samples: [randomSample(3), randomSample(4)],
      epochs: 100_000,
      maxSeconds: 3,
      onEpoch: ({ epoch, epochs }) => void seen.push({ epoch, epochs }),
    });
    disposeDetectorHead(result.head);
    const last = seen.at(-1)!;
    expect(last.epochs).toBeLessThan(100_000);
    // The run ends exactly where its (shrunk) plan ends: the schedule completed.
    expect(last.epoch).toBe(last.epochs);
    expect(result.epochsRun).toBe(last.epochs);
    // The plan only ever shrinks.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.epochs).toBeLessThanOrEqual(seen[i - 1]!.epochs);
    // Within the budget, give or take the measurement of one epoch.
    expect(result.seconds).toBeLessThan(3 + 2);
  }, 60_000);
});
