// Where pre-fill prompts come from: the project's trained detector (boxes,
// top-K after box NMS) or SAM's automatic generator (an n x n point grid).
import { gridPoints } from "@/lib/detector/grid-points";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import type { PrefillSettings } from "@/lib/schemas/detector";
import { detectBoxes } from "../detector/detect-boxes";
import type { DetectorHead } from "../detector/detector-head";
import { tfjsRuntime } from "../detector/tfjs-runtime";
import type { Proposal } from "./segment-proposals";

export type ProposalSource = { kind: "grid" } | { kind: "detector"; head: DetectorHead };

export async function proposeRegions(options: {
  source: ProposalSource;
  embedding: Float32Array;
  geometry: ResizeGeometry;
  settings: Pick<PrefillSettings, "gridSize" | "topK" | "minDetectorScore" | "boxNmsIou">;
}): Promise<Proposal[]> {
  const { source, geometry, settings } = options;
  if (source.kind === "grid") {
    return gridPoints({ n: settings.gridSize, width: geometry.width, height: geometry.height }).map((point) => ({ kind: "point", point, score: 1 }));
  }
  const boxes = await detectBoxes({
    tf: await tfjsRuntime(),
    head: source.head,
    embedding: options.embedding,
    geometry,
    minScore: settings.minDetectorScore,
    nmsIou: settings.boxNmsIou,
    topK: settings.topK,
  });
  return boxes.map(({ score, ...box }) => ({ kind: "box", box, score }));
}
