// Pre-fill benchmark (issue 7): encode COCO-format train/test folders, train
// the dense detector on train, pre-fill test with the point grid and with
// the detector, and score the pre-filled masks against test ground truth.
//
//   npm run bench:prefill -- --train DIR --test DIR [--split 40] [--epochs 60]
//     [--sources grid,detector] [--topk N] [--grid 16] [--no-refine] [--cache DIR | --no-cache]
//     [--min-score S] [--box-agreement A] [--limit-test N] [--save-head F | --load-head F] [--trade-offs]
//     [--fold I/K | --in-sample] [--set key=value,...] [--train-set key=value,...] [--box-targets] [--flip-train] [--zoom-train] [--dump F]
//
// DIR holds images/ and instances.json. With the same DIR twice, --split N
// trains on its first N images and tests on the rest; --fold I/K instead
// tests on the I-th of K equal slices (0-based) and trains on the others
// (cross-validation: 10 test images hold too few objects to tune on).
// --in-sample trains and tests on every image: optimistic for the detector,
// and one of the two settings the prototype figures fit (see server/prefill/README.md).
// --set overrides any pre-fill setting (numbers, true/false, strings). Objects: all
// categories; scored: non-crowd with a box >= 32x32 (crowd and smaller ones
// are "ignore", see lib/detector/match-masks.ts). Embeddings are cached in
// the OS temp folder by image SHA-256 (not in the repository).
// Final lines, grid first, detector last:
// {"bench":"prefill","train_images","test_images","train_s","prefilled_per_image","precision_50","precision_75","recall_50","recall_75","seconds_per_image","source"}
import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { averagePrecision, recallAtK } from "@/lib/detector/detection-metrics";
import { detectorWeightsFile, prefillSettings, type PrefillSettings } from "@/lib/schemas/detector";
import { createDecoderSession } from "@/server/sam/create-decoder-session";
import { detectBoxes, scoreCells } from "@/server/detector/detect-boxes";
import { maskObjectness } from "@/lib/detector/mask-objectness";
import { cellCoverage } from "@/lib/detector/cell-coverage";
import { deserializeDetectorHead, serializeDetectorHead, type DetectorHead } from "@/server/detector/detector-head";
import { trainDetectorHead, type DetectorSample } from "@/server/detector/train-detector-head";
import { tfjsRuntime } from "@/server/detector/tfjs-runtime";
import { proposeRegions, type ProposalSource } from "@/server/prefill/propose-regions";
import { segmentProposals } from "@/server/prefill/segment-proposals";
import { DEFAULT_EMBEDDING_CACHE_DIR, encodeDataset, type EncodedImage } from "./prefill-encode-dataset";
import { flippedCopies, loadCocoFolder, zoomCropCopies, type CocoImage } from "./prefill-coco-dataset";
import { benchLine, dumpMasks, groundTruthOf, printTradeOffs, totalsOf, type ScoredImage } from "./prefill-score";

async function runSource(options: {
  name: "grid" | "detector";
  source: ProposalSource;
  test: EncodedImage[];
  settings: PrefillSettings;
  /** Attach the detector's mask objectness to each mask for --dump. */
  dump: boolean;
}): Promise<ScoredImage[]> {
  const decoder = await createDecoderSession({ variant: "multimask" });
  const scored: ScoredImage[] = [];
  for (const image of options.test) {
    const started = performance.now();
    const proposals = await proposeRegions({ source: options.source, embedding: image.embedding, geometry: image.geometry, settings: options.settings });
    const { masks } = await segmentProposals({ decoder, embedding: image.embedding, geometry: image.geometry, proposals, settings: options.settings });
    const seconds = (performance.now() - started) / 1000;
    // Diagnostic for --dump only (a second detector pass), outside the timed pre-fill.
    if (options.dump && options.source.kind === "detector") {
      const { scores } = await scoreCells({ tf: await tfjsRuntime(), head: options.source.head, embedding: image.embedding, geometry: image.geometry });
      for (const m of masks) (m as { objectness?: unknown }).objectness = maskObjectness({ mask: m.mask, scores, geometry: image.geometry });
    }
    const entry = { masks, ...groundTruthOf(image), seconds };
    scored.push(entry);
    const t = totalsOf([entry]);
    console.error(`[${options.name}] ${image.coco.fileName}: ${proposals.length} proposals -> ${masks.length} masks, TP@0.5 ${t.tp50}/${t.gt}, ${seconds.toFixed(1)} s`);
  }
  await decoder.session.release();
  return scored;
}

/** "--set a=1,b=true,c=grid" -> { a: 1, b: true, c: "grid" } (the settings schema validates them). */
function parseOverrides(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  return Object.fromEntries(
    text.split(",").map((pair) => {
      const [key, raw = ""] = pair.split("=");
      const value = raw === "true" ? true : raw === "false" ? false : Number.isFinite(Number(raw)) && raw !== "" ? Number(raw) : raw;
      return [key!.trim(), value];
    }),
  );
}

/** "--train-set batchImages=2,hidden=256x128" -> trainer options (numbers; "AxB" lists for hidden / poolSizes). */
function trainOverrides(text: string | undefined): Partial<Parameters<typeof trainDetectorHead>[0]> {
  const parsed = parseOverrides(text);
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, typeof value === "string" ? value.split("x").map(Number) : value]));
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
      "limit-test": { type: "string" },
      "min-score": { type: "string" },
      "box-agreement": { type: "string" },
      "save-head": { type: "string" },
      "load-head": { type: "string" },
      "trade-offs": { type: "boolean", default: false },
      "grid-largest": { type: "boolean", default: false },
      containment: { type: "string" },
      fold: { type: "string" },
      set: { type: "string" },
      dump: { type: "string" },
      "box-targets": { type: "boolean", default: false },
      "flip-train": { type: "boolean", default: false },
      "zoom-train": { type: "boolean", default: false },
      "in-sample": { type: "boolean", default: false },
      "train-set": { type: "string" },
    },
  });
  if (!values.train || !values.test) throw new Error("Usage: bench:prefill -- --train DIR --test DIR [--split N]");
  const trainDir = path.resolve(values.train);
  const testDir = path.resolve(values.test);
  let trainSet: CocoImage[] = await loadCocoFolder({ dir: trainDir });
  let testSet: CocoImage[] = trainDir === testDir ? trainSet : await loadCocoFolder({ dir: testDir });
  if (values["in-sample"]) {
    if (values.fold || values.split) throw new Error("--in-sample trains and tests on every image: it takes no --fold or --split");
    testSet = trainSet;
  } else if (trainDir === testDir && values.fold) {
    const [index, folds] = values.fold.split("/").map((v) => Number.parseInt(v, 10)) as [number, number];
    if (!(folds >= 2 && index >= 0 && index < folds)) throw new Error("--fold wants I/K with 0 <= I < K, K >= 2");
    const all = trainSet;
    const from = Math.round((all.length * index) / folds);
    const to = Math.round((all.length * (index + 1)) / folds);
    testSet = all.slice(from, to);
    trainSet = [...all.slice(0, from), ...all.slice(to)];
  } else if (trainDir === testDir) {
    const split = Number.parseInt(values.split ?? String(Math.round(trainSet.length * 0.8)), 10);
    testSet = trainSet.slice(split);
    trainSet = trainSet.slice(0, split);
  }
  // --limit-test lets a tuning run score a validation slice and never look at the real test images.
  if (values["limit-test"]) testSet = testSet.slice(0, Number.parseInt(values["limit-test"], 10));
  const settings = prefillSettings.parse({
    ...(values.topk ? { topK: Number(values.topk) } : {}),
    ...(values.grid ? { gridSize: Number(values.grid) } : {}),
    refine: !values["no-refine"],
    ...(values["grid-largest"] ? { gridPreferLargest: true } : {}),
    ...(values.containment ? { maxContainment: Number(values.containment) } : {}),
    ...(values["min-score"] ? { minDetectorScore: Number(values["min-score"]) } : {}),
    ...(values["box-agreement"] ? { minBoxAgreement: Number(values["box-agreement"]) } : {}),
    ...parseOverrides(values.set),
  });
  const cacheDir = values["no-cache"] ? null : (values.cache ?? DEFAULT_EMBEDDING_CACHE_DIR);
  // Augmentation experiments (both re-encode, see server/prefill/README.md "Tried and not adopted").
  const augmented = [...trainSet, ...(values["flip-train"] ? await flippedCopies(trainSet) : []), ...(values["zoom-train"] ? await zoomCropCopies(trainSet) : [])];
  const train = await encodeDataset({ images: augmented, cacheDir });
  const test = await encodeDataset({ images: testSet, cacheDir });
  // The JSON line counts training images, not the augmented copies of them.
  const trainImages = train.filter((image) => trainSet.includes(image.coco)).length;
  console.error(`encoded ${train.length} train + ${test.length} test images`);

  const samples: DetectorSample[] = train.map((image) => {
    // Training boxes: every non-crowd object of at least 8x8 px (smaller ones are below a cell's resolution).
    const objects = image.coco.objects.filter((o) => !o.crowd && o.box.x1 - o.box.x0 >= 8 && o.box.y1 - o.box.y0 >= 8);
    return {
      geometry: image.geometry,
      boxes: objects.map((o) => o.box),
      // As the training job does: only cells on each object's mask are positive (--box-targets: every cell in the box).
      ...(values["box-targets"] ? {} : { coverages: objects.map((o) => cellCoverage({ mask: o.mask(), geometry: image.geometry })) }),
      loadEmbedding: async () => image.embedding,
    };
  });
  const epochs = Number.parseInt(values.epochs ?? "40", 10);
  let head: DetectorHead;
  let trainSeconds = 0;
  if (values["load-head"]) {
    head = deserializeDetectorHead(await tfjsRuntime(), detectorWeightsFile.parse(JSON.parse(await readFile(values["load-head"], "utf8"))));
  } else {
    const trained = await trainDetectorHead({
      samples,
      epochs,
      ...trainOverrides(values["train-set"]),
      onEpoch: ({ epoch, loss }) => {
        if (epoch % 10 === 0 || epoch === epochs) console.error(`epoch ${epoch}/${epochs} loss ${loss.toFixed(4)}`);
      },
    });
    head = trained.head;
    trainSeconds = trained.seconds;
    if (values["save-head"]) await writeFile(values["save-head"], JSON.stringify(await serializeDetectorHead(head)));
  }
  const tf = await tfjsRuntime();
  const evaluated = [];
  for (const image of test) {
    const detections = await detectBoxes({ tf, head, embedding: image.embedding, geometry: image.geometry, minScore: 0.01, nmsIou: settings.boxNmsIou, topK: 100 });
    evaluated.push({ detections, groundTruth: image.coco.objects.filter((o) => o.scored).map((o) => o.box) });
  }
  console.error(
    `detector held-out boxes: recall@0.5 top-20 ${ratio(recallAtK({ images: evaluated, k: 20 }) * 1000, 1000)}, ` +
      `top-100 ${ratio(recallAtK({ images: evaluated, k: 100 }) * 1000, 1000)}, AP50 ${ratio(averagePrecision({ images: evaluated }) * 1000, 1000)}; trained in ${trainSeconds.toFixed(0)} s`,
  );

  const lines: string[] = [];
  const wanted = values.sources.split(",");
  for (const name of ["grid", "detector"] as const) {
    if (!wanted.includes(name)) continue;
    const source: ProposalSource = name === "grid" ? { kind: "grid" } : { kind: "detector", head };
    const scored = await runSource({ name, source, test, settings, dump: Boolean(values.dump) });
    if (values["trade-offs"]) printTradeOffs(name, scored);
    if (values.dump) await appendFile(values.dump, dumpMasks(name, scored));
    lines.push(benchLine({ name, totals: totalsOf(scored), trainImages, testImages: test.length, trainSeconds }));
  }
  for (const line of lines) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
