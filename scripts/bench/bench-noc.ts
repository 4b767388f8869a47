// Interactive segmentation benchmark (NoC protocol of RITM / SimpleClick).
//
//   npx tsx scripts/bench/bench-noc.ts --images DIR --masks DIR [--limit N] [--max-clicks 20] [--threads N]
//
// For each image: encode once, then simulated clicks (scripts/bench/find-next-click.ts),
// each decode fed the previous low-res logits. Prints per-image lines, then
// one JSON line: {"bench":"noc","dataset","n","noc85","noc90","miou1"}.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createDecoderSession } from "@/server/sam/create-decoder-session";
import { createEncoderSession } from "@/server/sam/create-encoder-session";
import { encodeImage } from "@/server/sam/encode-image";
import { deriveMultimaskDecoder } from "@/scripts/derive-multimask-decoder";
import { listDatasetItems, loadGroundTruth } from "./load-segmentation-dataset";
import { numberOfClicks, simulateClicks } from "./simulate-clicks";

export interface NocResult {
  bench: "noc";
  dataset: string;
  n: number;
  noc85: number;
  noc90: number;
  miou1: number;
}

export async function runNocBenchmark({
  imagesDir,
  masksDir,
  limit,
  maxClicks = 20,
  encoderThreads,
  decoderThreads,
  log = console.log,
}: {
  imagesDir: string;
  masksDir: string;
  limit?: number;
  maxClicks?: number;
  encoderThreads?: number;
  decoderThreads?: number;
  log?: (line: string) => void;
}): Promise<NocResult> {
  const items = await listDatasetItems({ imagesDir, masksDir, limit });
  if (items.length === 0) throw new Error(`No images in ${imagesDir}`);
  await deriveMultimaskDecoder();
  const encoder = await createEncoderSession({ intraOpNumThreads: encoderThreads });
  const decoder = await createDecoderSession({ intraOpNumThreads: decoderThreads });
  const noc85: number[] = [];
  const noc90: number[] = [];
  const firstIoU: number[] = [];
  try {
    for (const item of items) {
      const encoded = await encodeImage({ encoder, image: await readFile(item.imagePath) });
      const groundTruth = await loadGroundTruth({ maskPath: item.maskPath });
      const run = await simulateClicks({
        decoder,
        embedding: encoded.embedding,
        geometry: encoded.geometry,
        groundTruth,
        maxClicks,
        stopAtIoU: 0.9,
      });
      noc85.push(numberOfClicks({ ious: run.ious, threshold: 0.85, maxClicks }));
      noc90.push(numberOfClicks({ ious: run.ious, threshold: 0.9, maxClicks }));
      firstIoU.push(run.ious[0] as number);
      const meanDecode = run.decodeMs.reduce((a, b) => a + b, 0) / run.decodeMs.length;
      log(
        `${item.id}: ${encoded.width}x${encoded.height} iou@1 ${(run.ious[0] as number).toFixed(3)} ` +
          `NoC85 ${noc85.at(-1)} NoC90 ${noc90.at(-1)} clicks ${run.ious.length} ` +
          `(encode ${Math.round(encoded.timings.inferenceMs)} ms, decode ${Math.round(meanDecode)} ms)`,
      );
    }
  } finally {
    await encoder.session.release();
    await decoder.session.release();
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const round = (v: number, digits: number) => Number(v.toFixed(digits));
  return {
    bench: "noc",
    dataset: path.basename(path.dirname(path.resolve(imagesDir))),
    n: items.length,
    noc85: round(mean(noc85), 2),
    noc90: round(mean(noc90), 2),
    miou1: round(mean(firstIoU), 4),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      images: { type: "string" },
      masks: { type: "string" },
      limit: { type: "string" },
      "max-clicks": { type: "string" },
      threads: { type: "string" },
    },
  });
  if (!values.images || !values.masks) throw new Error("Usage: bench-noc.ts --images DIR --masks DIR [--limit N] [--max-clicks 20] [--threads N]");
  const number = (v: string | undefined) => (v === undefined ? undefined : Number.parseInt(v, 10));
  const started = performance.now();
  const result = await runNocBenchmark({
    imagesDir: values.images,
    masksDir: values.masks,
    limit: number(values.limit),
    maxClicks: number(values["max-clicks"]),
    encoderThreads: number(values.threads),
    decoderThreads: number(values.threads),
  });
  console.log(`NoC@85 ${result.noc85}  NoC@90 ${result.noc90}  mIoU@1 ${result.miou1}  (${result.n} images, ${Math.round((performance.now() - started) / 1000)} s)`);
  console.log(JSON.stringify(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
