// Box -> mask ceiling (issue 7): every scored ground-truth object's own box
// prompts SAM through the pre-fill path (multimask decoder, whole-box
// candidate, refinement pass; no confidence filters, no NMS), and the mask
// is compared with the object. This bounds what any box detector can reach
// with this SAM model: the issue quotes mean IoU 0.76 for its prototype.
//
//   npm run bench:box-ceiling -- --dir DIR [--no-refine] [--cache DIR | --no-cache]
//
// DIR is COCO-format (images/ + instances.json); objects are scored as in
// bench:prefill (non-crowd, box >= 32x32). Embeddings share bench:prefill's cache.
// Final line: {"bench":"box-ceiling","objects","mean_iou","median_iou","share_iou_50","share_iou_75","seconds_per_box"}
import path from "node:path";
import { parseArgs } from "node:util";
import { maskArea, maskIou } from "@/lib/mask";
import { prefillSettings } from "@/lib/schemas/detector";
import { segmentProposals } from "@/server/prefill/segment-proposals";
import { createDecoderSession } from "@/server/sam/create-decoder-session";
import { loadCocoFolder } from "./prefill-coco-dataset";
import { DEFAULT_EMBEDDING_CACHE_DIR, encodeDataset } from "./prefill-encode-dataset";

/** Object size bands by sqrt(mask area) in pixels, for the per-size lines. */
const SIZE_BANDS = [
  [0, 64],
  [64, 128],
  [128, 256],
  [256, Number.POSITIVE_INFINITY],
] as const;

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: "string" },
      "no-refine": { type: "boolean", default: false },
      cache: { type: "string" },
      "no-cache": { type: "boolean", default: false },
    },
  });
  if (!values.dir) throw new Error("Usage: bench:box-ceiling -- --dir DIR (COCO-format: images/ + instances.json)");
  const images = await loadCocoFolder({ dir: path.resolve(values.dir) });
  const cacheDir = values["no-cache"] ? null : (values.cache ?? DEFAULT_EMBEDDING_CACHE_DIR);
  const encoded = await encodeDataset({ images, cacheDir });
  // Every filter off: the point is what the box prompt alone gives, not what survives the pre-fill bars.
  const settings = prefillSettings.parse({
    boxMinPredictedIou: 0,
    boxMinStability: 0,
    minBoxConfidence: 0,
    minBoxAgreement: 0,
    maskNmsIou: 1,
    refine: !values["no-refine"],
  });
  const decoder = await createDecoderSession({ variant: "multimask" });
  const results: { iou: number; size: number }[] = [];
  let seconds = 0;
  for (const image of encoded) {
    for (const object of image.coco.objects.filter((o) => o.scored)) {
      const truth = object.mask();
      const started = performance.now();
      const { masks } = await segmentProposals({
        decoder,
        embedding: image.embedding,
        geometry: image.geometry,
        proposals: [{ kind: "box", box: object.box, score: 1 }],
        settings,
      });
      seconds += (performance.now() - started) / 1000;
      // Filters are off, so only an empty or near-whole-image mask is dropped: that is a miss (IoU 0).
      results.push({ iou: masks[0] ? maskIou(masks[0].mask, truth) : 0, size: Math.sqrt(maskArea(truth)) });
    }
  }
  await decoder.session.release();
  if (results.length === 0) throw new Error(`No scored objects (non-crowd, box >= 32x32) in ${values.dir}`);
  for (const [low, high] of SIZE_BANDS) {
    const band = results.filter((r) => r.size >= low && r.size < high);
    console.error(`sqrt(area) ${low}-${high} px: ${band.length} objects, mean IoU ${round3(mean(band.map((r) => r.iou)))}`);
  }
  const ious = results.map((r) => r.iou).sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: "box-ceiling",
      objects: ious.length,
      mean_iou: round3(mean(ious)),
      median_iou: round3(ious[Math.floor(ious.length / 2)] ?? 0),
      share_iou_50: round3(ious.filter((v) => v >= 0.5).length / ious.length),
      share_iou_75: round3(ious.filter((v) => v >= 0.75).length / ious.length),
      seconds_per_box: round3(seconds / ious.length),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
