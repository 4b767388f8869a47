// Encoder benchmark core, exported for `npm run bench:encode`
// (scripts/bench/bench-encode.ts is the CLI). Measures, on the same machine
// and thread count:
//   - encode_ms_p50: our pipeline (sharp decode/resize/normalise + session.run)
//   - raw_ort_ms_p50: a bare onnxruntime-node session on a pre-made tensor,
//     i.e. the floor the pipeline could reach (runs interleaved with ours)
//   - images_per_s: images / total pipeline time (sequential, one session)
//   - embedding_wire_bytes: mean compact embedding size (fp16+shuffle+gzip)
//   - compact_vs_fp32_mask_iou: mean IoU between masks decoded from the fp32
//     and from the compact embedding over a simulated click sequence
import { readFile } from "node:fs/promises";
import os from "node:os";
import ort from "onnxruntime-node";
import { decodeCompactEmbedding } from "@/lib/embedding/compact-embedding";
import { computeMaskIoU } from "@/lib/sam/mask-iou";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import { deriveMultimaskDecoder } from "@/scripts/derive-multimask-decoder";
import { compressEmbedding, DEFAULT_MANTISSA_BITS } from "@/server/sam/compress-embedding";
import { createDecoderSession } from "@/server/sam/create-decoder-session";
import { createEncoderSession } from "@/server/sam/create-encoder-session";
import { readExecutionProvider, type ExecutionProviderName } from "@/server/sam/create-inference-session";
import { encodeImage } from "@/server/sam/encode-image";
import { resolveModelFiles } from "@/server/sam/load-model-manifest";
import { preprocessImage } from "@/server/sam/preprocess-image";
import { createSyntheticImage } from "@/server/sam/testing/create-synthetic-image";
import type { GroundTruth } from "./find-next-click";
import { listDatasetItems, loadGroundTruth } from "./load-segmentation-dataset";
import { replayClicks, simulateClicks } from "./simulate-clicks";

export interface MeasureEncodeOptions {
  /** Image folder (e.g. a dataset's images/); generated images when absent. */
  imagesDir?: string;
  /** Ground-truth masks for imagesDir (needed for the click comparison). */
  masksDir?: string;
  /** Images to encode. */
  count?: number;
  /** intraOpNumThreads for both sessions; default: all available cores. */
  threads?: number;
  executionProvider?: ExecutionProviderName;
  /** Clicks per image in the compact-vs-fp32 comparison. */
  clicks?: number;
  /** Compact embedding precision (compressEmbedding's default when absent). */
  mantissaBits?: number;
  log?: (line: string) => void;
}

export interface EncodeMeasurement {
  bench: "encode";
  provider: ExecutionProviderName;
  threads: number;
  encode_ms_p50: number;
  raw_ort_ms_p50: number;
  images_per_s: number;
  embedding_wire_bytes: number;
  compact_vs_fp32_mask_iou: number;
}

interface BenchImage {
  id: string;
  bytes: Buffer;
  groundTruth: GroundTruth;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function loadImages({ imagesDir, masksDir, count }: { imagesDir?: string; masksDir?: string; count: number }): Promise<BenchImage[]> {
  if (imagesDir) {
    if (!masksDir) throw new Error("measureEncode: masksDir is required with imagesDir");
    const items = await listDatasetItems({ imagesDir, masksDir, limit: count });
    return Promise.all(
      items.map(async (item) => ({
        id: item.id,
        bytes: await readFile(item.imagePath),
        groundTruth: await loadGroundTruth({ maskPath: item.maskPath }),
      })),
    );
  }
  const images: BenchImage[] = [];
  for (let i = 0; i < count; i++) {
    const image = await createSyntheticImage({
      seed: 100 + i,
      shape: i % 2 ? "rectangle" : "ellipse",
      width: i % 3 === 2 ? 480 : 800,
      height: i % 3 === 2 ? 640 : 600,
      format: "jpeg",
    });
    const ignore = new Uint8Array(image.mask.length);
    images.push({ id: `synthetic-${i}`, bytes: image.bytes, groundTruth: { mask: image.mask, ignore, width: image.width, height: image.height } });
  }
  return images;
}

export async function measureEncode(options: MeasureEncodeOptions = {}): Promise<EncodeMeasurement> {
  const log = options.log ?? console.log;
  const count = options.count ?? 8;
  const threads = options.threads ?? os.availableParallelism();
  const clicks = options.clicks ?? 5;
  const images = await loadImages({ imagesDir: options.imagesDir, masksDir: options.masksDir, count });
  if (images.length === 0) throw new Error("measureEncode: no images");
  const first = images[0] as BenchImage;

  // Our pipeline (its session also tells which provider really runs) and a
  // bare session on a pre-made tensor, same threads/provider, interleaved
  // image by image so both see the same background load.
  const encoder = await createEncoderSession({ intraOpNumThreads: threads, executionProvider: options.executionProvider ?? readExecutionProvider() });
  const provider = encoder.executionProvider;
  const { encoderPath, model } = await resolveModelFiles({ verify: ["encoder"] });
  const raw = await ort.InferenceSession.create(encoderPath, {
    graphOptimizationLevel: "all",
    intraOpNumThreads: threads,
    executionProviders: [provider],
  });
  const pre = await preprocessImage({ image: first.bytes, inputSize: model.inputSize, normalization: model.normalization });
  const rawFeeds = { [raw.inputNames[0] as string]: new ort.Tensor("float32", pre.tensor, pre.dims) };
  const embeddings: { data: Float32Array; dims: number[]; geometry: ResizeGeometry }[] = [];
  const pipelineMs: number[] = [];
  const rawMs: number[] = [];
  try {
    await encodeImage({ encoder, image: first.bytes }); // warm-up: first runs allocate arenas
    await raw.run(rawFeeds);
    for (const image of images) {
      const encoded = await encodeImage({ encoder, image: image.bytes });
      const total = encoded.timings.preprocessMs + encoded.timings.inferenceMs;
      pipelineMs.push(total);
      embeddings.push({ data: encoded.embedding, dims: encoded.dims, geometry: encoded.geometry });
      const started = performance.now();
      await raw.run(rawFeeds);
      rawMs.push(performance.now() - started);
      log(
        `encode ${image.id}: ${Math.round(total)} ms (preprocess ${Math.round(encoded.timings.preprocessMs)} ms); ` +
          `raw onnxruntime-node ${Math.round(rawMs.at(-1) as number)} ms`,
      );
    }
  } finally {
    await encoder.session.release();
    await raw.release();
  }
  log(`encoder p50: pipeline ${Math.round(median(pipelineMs))} ms, raw onnxruntime-node ${Math.round(median(rawMs))} ms`);

  // Wire size and compact-vs-fp32 masks over simulated clicks.
  await deriveMultimaskDecoder();
  const decoder = await createDecoderSession({ intraOpNumThreads: threads, executionProvider: provider });
  const mantissaBits = options.mantissaBits ?? DEFAULT_MANTISSA_BITS;
  const wireBytes: number[] = [];
  const exactFp16Bytes: number[] = [];
  const maskIoUs: number[] = [];
  try {
    for (const [i, image] of images.entries()) {
      const embedding = embeddings[i] as (typeof embeddings)[number];
      const started = performance.now();
      const wire = await compressEmbedding({ data: embedding.data, dims: embedding.dims, mantissaBits });
      const compressMs = performance.now() - started;
      const exact = await compressEmbedding({ data: embedding.data, dims: embedding.dims, mantissaBits: 10 });
      exactFp16Bytes.push(exact.length);
      const restored = await decodeCompactEmbedding(wire);
      wireBytes.push(wire.length);
      const fp32Masks: Uint8Array[] = [];
      const run = await simulateClicks({
        decoder,
        embedding: embedding.data,
        geometry: embedding.geometry,
        groundTruth: image.groundTruth,
        maxClicks: clicks,
        keepMasks: (mask) => fp32Masks.push(mask),
      });
      const compactMasks = await replayClicks({ decoder, embedding: restored, geometry: embedding.geometry, clicks: run.clicks });
      const ious = compactMasks.map((mask, k) => computeMaskIoU({ a: mask, b: fp32Masks[k] as Uint8Array }));
      maskIoUs.push(...ious);
      log(
        `compact ${image.id}: ${wire.length} bytes (${(wire.length / 1024).toFixed(0)} KiB at ${mantissaBits} mantissa bits, ` +
          `${(exact.length / 1024).toFixed(0)} KiB exact fp16; encode ${Math.round(compressMs)} ms), ` +
          `mask IoU vs fp32 min ${Math.min(...ious).toFixed(4)} over ${ious.length} clicks`,
      );
    }
  } finally {
    await decoder.session.release();
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const kib = (values: number[]) => `mean ${(mean(values) / 1024).toFixed(0)} KiB, max ${(Math.max(...values) / 1024).toFixed(0)} KiB`;
  log(`wire size at ${mantissaBits} mantissa bits: ${kib(wireBytes)}; exact fp16: ${kib(exactFp16Bytes)}; budget 1536 KiB`);
  return {
    bench: "encode",
    provider,
    threads,
    encode_ms_p50: Math.round(median(pipelineMs)),
    raw_ort_ms_p50: Math.round(median(rawMs)),
    images_per_s: Number((images.length / (pipelineMs.reduce((a, b) => a + b, 0) / 1000)).toFixed(3)),
    embedding_wire_bytes: Math.round(mean(wireBytes)),
    compact_vs_fp32_mask_iou: Number(mean(maskIoUs).toFixed(5)),
  };
}
