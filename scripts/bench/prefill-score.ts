// Scores pre-filled masks against COCO ground truth for bench:prefill, and
// re-scores the same masks under stricter filters (post hoc, no decoding) to
// show the precision / recall trade-off of the settings.
import { matchMasks, scoredMaskFrom, type GroundTruthMask } from "@/lib/detector/match-masks";
import { maskIntersection, suppressContained, type ScoredMask } from "@/lib/detector/mask-nms";
import type { SegmentedMask } from "@/server/prefill/segment-proposals";
import type { EncodedImage } from "./prefill-encode-dataset";

export interface ScoredImage {
  masks: SegmentedMask[];
  objects: ScoredMask[];
  ignore: GroundTruthMask[];
  seconds: number;
}

export interface Totals {
  tp50: number;
  fp50: number;
  fpStrict50: number;
  tp75: number;
  fp75: number;
  gt: number;
  masks: number;
  seconds: number;
}

export function groundTruthOf(image: EncodedImage): { objects: ScoredMask[]; ignore: GroundTruthMask[] } {
  return {
    objects: image.coco.objects.filter((o) => o.scored).map((o) => scoredMaskFrom(o.mask())),
    ignore: image.coco.objects.filter((o) => !o.scored).map((o) => ({ ...scoredMaskFrom(o.mask()), crowd: o.crowd })),
  };
}

export function totalsOf(
  images: readonly ScoredImage[],
  keep: (mask: SegmentedMask) => boolean = () => true,
  maxContainment = 1,
): Totals {
  const totals: Totals = { tp50: 0, fp50: 0, fpStrict50: 0, tp75: 0, fp75: 0, gt: 0, masks: 0, seconds: 0 };
  for (const image of images) {
    const filtered = image.masks.filter(keep);
    const predictions = maxContainment < 1 ? suppressContained({ masks: filtered, maxContainment }) : filtered;
    const at50 = matchMasks({ predictions, objects: image.objects, ignore: image.ignore, iouThreshold: 0.5 });
    const at75 = matchMasks({ predictions, objects: image.objects, ignore: image.ignore, iouThreshold: 0.75 });
    totals.tp50 += at50.truePositives;
    totals.fp50 += at50.falsePositives;
    totals.fpStrict50 += at50.falsePositives + at50.ignored;
    totals.tp75 += at75.truePositives;
    totals.fp75 += at75.falsePositives;
    totals.gt += image.objects.length;
    totals.masks += predictions.length;
    totals.seconds += image.seconds;
  }
  return totals;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a / b) * 1000) / 1000;
}

/** Precision / recall at IoU 0.5 for a grid of stricter filters, one line each (stderr). */
export function printTradeOffs(name: string, images: readonly ScoredImage[]): void {
  const lines: string[] = [];
  for (const minScore of [0, 0.1, 0.2, 0.3, 0.4, 0.5]) {
    for (const minAgreement of [0, 0.5, 0.6, 0.7, 0.8]) {
      for (const containment of [1, 0.9, 0.8]) {
        const t = totalsOf(images, (m) => m.proposal.score >= minScore && m.boxAgreement >= minAgreement, containment);
        lines.push(
          `${name} score>=${minScore} agree>=${minAgreement} contained<${containment}: ${ratio(t.masks, images.length)}/img P50 ${ratio(t.tp50, t.tp50 + t.fp50)} R50 ${ratio(t.tp50, t.gt)} P75 ${ratio(t.tp75, t.tp75 + t.fp75)} R75 ${ratio(t.tp75, t.gt)}`,
        );
      }
    }
  }
  console.error(lines.join("\n"));
}

export function benchLine(options: { name: string; totals: Totals; trainImages: number; testImages: number; trainSeconds: number }): string {
  const { totals: t, testImages } = options;
  return JSON.stringify({
    bench: "prefill",
    train_images: options.trainImages,
    test_images: testImages,
    train_s: Math.round(options.trainSeconds * 10) / 10,
    prefilled_per_image: ratio(t.masks, testImages),
    precision_50: ratio(t.tp50, t.tp50 + t.fp50),
    precision_75: ratio(t.tp75, t.tp75 + t.fp75),
    recall_50: ratio(t.tp50, t.gt),
    recall_75: ratio(t.tp75, t.gt),
    seconds_per_image: ratio(t.seconds, testImages),
    source: options.name,
    precision_50_strict: ratio(t.tp50, t.tp50 + t.fpStrict50),
    scored_objects: t.gt,
  });
}

/** One JSON line per kept mask (its scores and best IoU with a scored object), for offline analysis of ranking rules. */
export function dumpMasks(name: string, images: readonly ScoredImage[]): string {
  const lines: string[] = [];
  images.forEach((image, index) => {
    for (const m of image.masks) {
      let best = 0;
      let bestObject = -1;
      image.objects.forEach((object, objectIndex) => {
        const inter = maskIntersection(m, object);
        const iou = inter > 0 ? inter / (m.area + object.area - inter) : 0;
        if (iou > best) {
          best = iou;
          bestObject = objectIndex;
        }
      });
      lines.push(
        JSON.stringify({
          source: name,
          image: index,
          objects: image.objects.length,
          proposalScore: m.proposal.score,
          predictedIou: m.predictedIou,
          stability: m.stabilityScore,
          boxAgreement: m.boxAgreement,
          candidate: m.candidate,
          refined: m.refined,
          area: m.area,
          bestIou: best,
          bestObject,
          objectness: (m as { objectness?: unknown }).objectness,
          box: m.proposal.kind === "box" ? m.proposal.box : null,
        }),
      );
    }
  });
  return lines.map((line) => `${line}\n`).join("");
}
