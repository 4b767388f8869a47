// Pre-fill benchmark (issue 7): encode COCO-format train/test folders, train
// the dense detector on train, pre-fill test with the point grid and with
// the detector, and score the pre-filled masks against test ground truth.
//
//   npm run bench:prefill -- --train DIR --test DIR [--split 40] [--epochs 60]
//     [--sources grid,detector] [--topk N] [--grid 16] [--no-refine] [--cache DIR | --no-cache]
//
// DIR holds images/ and instances.json. With the same DIR twice, --split N
// trains on its first N images and tests on the rest. Objects: all
// categories; scored: non-crowd with a box >= 32x32 (crowd and smaller ones
// are "ignore", see lib/detector/match-masks.ts). Embeddings are cached in
// the OS temp folder by image SHA-256 (not in the repository).
// Final lines, grid first, detector last:
// {"bench":"prefill","train_images","test_images","train_s","prefilled_per_image","precision_50","precision_75","recall_50","recall_75","seconds_per_image","source"}
import path from "node:path";
import os from "node:os";
import { parseArgs } from "node:util";
import { averagePrecision, recallAtK } from "@/lib/detector/detection-metrics";
import { matchMasks, scoredMaskFrom, type GroundTruthMask } from "@/lib/detector/match-masks";
import { prefillSettings, type PrefillSettings } from "@/lib/schemas/detector";
import { createDecoderSession } from "@/server/sam/create-decoder-session";
import { detectBoxes } from "@/server/detector/detect-boxes";
import { trainDetectorHead, type DetectorSample } from "@/server/detector/train-detector-head";
import { tfjsRuntime } from "@/server/detector/tfjs-runtime";
import { proposeRegions, type ProposalSource } from "@/server/prefill/propose-regions";
import { segmentProposals } from "@/server/prefill/segment-proposals";
import { encodeDataset, type EncodedImage } from "./prefill-encode-dataset";
import { loadCocoFolder, type CocoImage } from "./prefill-coco-dataset";

interface Totals {
  tp50: number;
  fp50: number;
  fpStrict50: number;
  tp75: number;
  fp75: number;
  gt: number;
  masks: number;
  seconds: number;
}

async function scoreSource(options: {
  name: "grid" | "detector";
  source: ProposalSource;
  test: EncodedImage[];
  settings: PrefillSettings;
}): Promise<Totals> {
  const decoder = await createDecoderSession({ variant: "multimask" });
  const totals: Totals = { tp50: 0, fp50: 0, fpStrict50: 0, tp75: 0, fp75: 0, gt: 0, masks: 0, seconds: 0 };
  for (const image of options.test) {
    const started = performance.now();
    const proposals = await proposeRegions({ source: options.source, embedding: image.embedding, geometry: image.geometry, settings: options.settings });
    const { masks } = await segmentProposals({ decoder, embedding: image.embedding, geometry: image.geometry, proposals, settings: options.settings });
    const seconds = (performance.now() - started) / 1000;
    const objects = image.coco.objects.filter((o) => o.scored).map((o) => scoredMaskFrom(o.mask()));
    const ignore: GroundTruthMask[] = image.coco.objects.filter((o) => !o.scored).map((o) => ({ ...scoredMaskFrom(o.mask()), crowd: o.crowd }));
    const at50 = matchMasks({ predictions: masks, objects, ignore, iouThreshold: 0.5 });
    const at75 = matchMasks({ predictions: masks, objects, ignore, iouThreshold: 0.75 });
    totals.tp50 += at50.truePositives;
    totals.fp50 += at50.falsePositives;
    totals.fpStrict50 += at50.falsePositives + at50.ignored;
    totals.tp75 += at75.truePositives;
    totals.fp75 += at75.falsePositives;
    totals.gt += objects.length;
    totals.masks += masks.length;
    totals.seconds += seconds;
    console.error(`[${options.name}] ${image.coco.fileName}: ${proposals.length} proposals -> ${masks.length} masks, TP@0.5 ${at50.truePositives}/${objects.length}, ${seconds.toFixed(1)} s`);
  }
  await decoder.session.release();
  return totals;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a / b) * 1000) / 1000;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      train: { type: "string" },
      test: { type: "string" },
      split: { type: "string" },
      epochs: { type: "string" },
      sources: { type: "string", default: "grid,detector" },
      topk: { type: "string" },
      grid: { type: "string" },
      "no-refine": { type: "boolean", default: false },
      cache: { type: "string" },
      "no-cache": { type: "boolean", default: false },
    },
  });
  if (!values.train || !values.test) throw new Error("Usage: bench:prefill -- --train DIR --test DIR [--split N]");
  const trainDir = path.resolve(values.train);
  const testDir = path.resolve(values.test);
  let trainSet: CocoImage[] = await loadCocoFolder({ dir: trainDir });
  let testSet: CocoImage[] = trainDir === testDir ? trainSet : await loadCocoFolder({ dir: testDir });
  if (trainDir === testDir) {
    const split = Number.parseInt(values.split ?? String(Math.round(trainSet.length * 0.8)), 10);
    testSet = trainSet.slice(split);
    trainSet = trainSet.slice(0, split);
  }
  const settings = prefillSettings.parse({
    ...(values.topk ? { topK: Number(values.topk) } : {}),
    ...(values.grid ? { gridSize: Number(values.grid) } : {}),
    refine: !values["no-refine"],
  });
  const cacheDir = values["no-cache"] ? null : (values.cache ?? path.join(os.tmpdir(), "maskwright-prefill-bench"));
  const train = await encodeDataset({ images: trainSet, cacheDir });
  const test = await encodeDataset({ images: testSet, cacheDir });
  console.error(`encoded ${train.length} train + ${test.length} test images`);

  const samples: DetectorSample[] = train.map((image) => ({
    geometry: image.geometry,
    // Training boxes: every non-crowd object of at least 8x8 px (smaller ones are below a cell's resolution).
    boxes: image.coco.objects.filter((o) => !o.crowd && o.box.x1 - o.box.x0 >= 8 && o.box.y1 - o.box.y0 >= 8).map((o) => o.box),
    loadEmbedding: async () => image.embedding,
  }));
  const epochs = Number.parseInt(values.epochs ?? "60", 10);
  const trained = await trainDetectorHead({
    samples,
    epochs,
    onEpoch: ({ epoch, loss }) => {
      if (epoch % 10 === 0 || epoch === epochs) console.error(`epoch ${epoch}/${epochs} loss ${loss.toFixed(4)}`);
    },
  });
  const tf = await tfjsRuntime();
  const evaluated = [];
  for (const image of test) {
    const detections = await detectBoxes({ tf, head: trained.head, embedding: image.embedding, geometry: image.geometry, minScore: 0.01, nmsIou: settings.boxNmsIou, topK: 100 });
    evaluated.push({ detections, groundTruth: image.coco.objects.filter((o) => o.scored).map((o) => o.box) });
  }
  console.error(
    `detector held-out boxes: recall@0.5 top-20 ${ratio(recallAtK({ images: evaluated, k: 20 }) * 1000, 1000)}, ` +
      `top-100 ${ratio(recallAtK({ images: evaluated, k: 100 }) * 1000, 1000)}, AP50 ${ratio(averagePrecision({ images: evaluated }) * 1000, 1000)}; trained in ${trained.seconds.toFixed(0)} s`,
  );

  const lines: string[] = [];
  const wanted = values.sources.split(",");
  for (const name of ["grid", "detector"] as const) {
    if (!wanted.includes(name)) continue;
    const source: ProposalSource = name === "grid" ? { kind: "grid" } : { kind: "detector", head: trained.head };
    const totals = await scoreSource({ name, source, test, settings });
    lines.push(
      JSON.stringify({
        bench: "prefill",
        train_images: train.length,
        test_images: test.length,
        train_s: Math.round(trained.seconds * 10) / 10,
        prefilled_per_image: ratio(totals.masks, test.length),
        precision_50: ratio(totals.tp50, totals.tp50 + totals.fp50),
        precision_75: ratio(totals.tp75, totals.tp75 + totals.fp75),
        recall_50: ratio(totals.tp50, totals.gt),
        recall_75: ratio(totals.tp75, totals.gt),
        seconds_per_image: ratio(totals.seconds, test.length),
        source: name,
        precision_50_strict: ratio(totals.tp50, totals.tp50 + totals.fpStrict50),
        scored_objects: totals.gt,
      }),
    );
  }
  for (const line of lines) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
