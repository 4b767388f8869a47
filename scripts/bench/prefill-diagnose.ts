// Pre-fill diagnostics (issue 7): for a few test images, every SAM candidate
// of every proposal with its predicted IoU, stability and IoU with the best
// ground-truth object, so filter thresholds and candidate choice can be
// judged on evidence. Reads the benchmark's embedding cache.
//
//   npx tsx scripts/bench/prefill-diagnose.ts --dir DIR --from 40 --count 3 [--source grid|detector --load-head F]
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { boxIou, type Box } from "@/lib/detector/box";
import { maskIntersection, type ScoredMask } from "@/lib/detector/mask-nms";
import { scoredMaskFrom } from "@/lib/detector/match-masks";
import { thresholdLogits, upsampleLowResLogits } from "@/lib/sam/mask-postprocess";
import { computeStabilityScore } from "@/lib/sam/stability-score";
import { detectorWeightsFile, prefillSettings } from "@/lib/schemas/detector";
import { deserializeDetectorHead } from "@/server/detector/detector-head";
import { tfjsRuntime } from "@/server/detector/tfjs-runtime";
import { proposeRegions, type ProposalSource } from "@/server/prefill/propose-regions";
import { createDecoderSession } from "@/server/sam/create-decoder-session";
import { decodePrompt } from "@/server/sam/decode-prompt";
import { loadCocoFolder } from "./prefill-coco-dataset";
import { DEFAULT_EMBEDDING_CACHE_DIR, encodeDataset } from "./prefill-encode-dataset";

function iou(a: ScoredMask, b: ScoredMask): number {
  const inter = maskIntersection(a, b);
  return inter === 0 ? 0 : inter / (a.area + b.area - inter);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: "string" },
      from: { type: "string", default: "40" },
      count: { type: "string", default: "3" },
      source: { type: "string", default: "grid" },
      "load-head": { type: "string" },
      grid: { type: "string" },
    },
  });
  if (!values.dir) throw new Error("--dir required");
  const all = await loadCocoFolder({ dir: path.resolve(values.dir) });
  const from = Number(values.from);
  const images = await encodeDataset({ images: all.slice(from, from + Number(values.count)), cacheDir: DEFAULT_EMBEDDING_CACHE_DIR });
  const settings = prefillSettings.parse(values.grid ? { gridSize: Number(values.grid) } : {});
  let source: ProposalSource = { kind: "grid" };
  if (values.source === "detector") {
    if (!values["load-head"]) throw new Error("--load-head required");
    source = { kind: "detector", head: deserializeDetectorHead(await tfjsRuntime(), detectorWeightsFile.parse(JSON.parse(await readFile(values["load-head"], "utf8")))) };
  }
  const decoder = await createDecoderSession({ variant: "multimask" });
  const plane = decoder.model.lowResMaskSize ** 2;
  for (const image of images) {
    const gt = image.coco.objects.filter((o) => o.scored).map((o) => ({ ...scoredMaskFrom(o.mask()), box: o.box }));
    console.log(`\n== ${image.coco.fileName} ${image.geometry.width}x${image.geometry.height}, ${gt.length} scored objects, areas ${gt.map((g) => g.area).join(",")}`);
    const proposals = await proposeRegions({ source, embedding: image.embedding, geometry: image.geometry, settings });
    // Per ground-truth object: the best candidate IoU reached by any proposal, and its scores.
    const bestPerGt = gt.map(() => ({ iou: 0, pred: 0, stab: 0, cand: -1, prompt: "" }));
    const rows: string[] = [];
    for (const proposal of proposals) {
      const result = await decodePrompt({
        decoder,
        embedding: image.embedding,
        geometry: image.geometry,
        box: proposal.kind === "box" ? proposal.box : null,
        points: proposal.kind === "point" ? [{ ...proposal.point, positive: true }] : [],
      });
      const c = result.candidates!;
      const cells: string[] = [];
      for (let index = 0; index < c.count; index++) {
        const logits = upsampleLowResLogits({ lowRes: c.lowResLogits.subarray(index * plane, (index + 1) * plane), geometry: image.geometry, lowResSize: decoder.model.lowResMaskSize });
        const stab = computeStabilityScore({ logits });
        const mask = scoredMaskFrom({ data: thresholdLogits({ logits }), width: image.geometry.width, height: image.geometry.height });
        const ious = gt.map((g) => iou(mask, g));
        const best = Math.max(0, ...ious);
        ious.forEach((value, k) => {
          if (value > bestPerGt[k]!.iou) bestPerGt[k] = { iou: value, pred: c.iouPredictions[index]!, stab, cand: index, prompt: proposal.kind === "box" ? `box s=${proposal.score.toFixed(2)}` : `pt ${proposal.point.x.toFixed(0)},${proposal.point.y.toFixed(0)}` };
        });
        cells.push(`c${index} p${c.iouPredictions[index]!.toFixed(2)} s${stab.toFixed(2)} a${(mask.area / (image.geometry.width * image.geometry.height)).toFixed(3)} gt${best.toFixed(2)}`);
      }
      const where = proposal.kind === "box" ? `box ${proposal.score.toFixed(2)} bestGtBox ${Math.max(0, ...gt.map((g) => boxIou(g.box as Box, proposal.box))).toFixed(2)}` : `pt ${proposal.point.x.toFixed(0)},${proposal.point.y.toFixed(0)}`;
      rows.push(`${where} | ${cells.join(" | ")}`);
    }
    console.log(rows.join("\n"));
    console.log("best candidate per GT object:");
    bestPerGt.forEach((b, k) => console.log(`  gt${k} area ${gt[k]!.area}: iou ${b.iou.toFixed(2)} pred ${b.pred.toFixed(3)} stab ${b.stab.toFixed(3)} cand ${b.cand} ${b.prompt}`));
  }
  await decoder.session.release();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
