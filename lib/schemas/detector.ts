// Contracts of the semi-automatic stage: per-project pre-fill settings (kept
// in Project.settings.prefill), the detector's stored weights file, version
// summaries and pre-fill outcome counts the routes answer with.
import { z } from "zod";

export const PREFILL_SOURCES = ["auto", "detector", "grid"] as const;
/** A user-supplied ONNX box detector: models/detectors/<name>.onnx (see server/prefill/README.md). */
export const ONNX_DETECTOR_NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;
export const ONNX_SOURCE_PREFIX = "onnx:";
export type OnnxSource = `onnx:${string}`;
export type PrefillSource = (typeof PREFILL_SOURCES)[number] | OnnxSource;

/** The detector name of an "onnx:<name>" source, else null. */
export function onnxDetectorName(source: string): string | null {
  return source.startsWith(ONNX_SOURCE_PREFIX) ? source.slice(ONNX_SOURCE_PREFIX.length) : null;
}

const prefillSource = z.string().superRefine((value, ctx) => {
  if ((PREFILL_SOURCES as readonly string[]).includes(value)) return;
  const name = onnxDetectorName(value);
  if (name === null) {
    ctx.addIssue({ code: "custom", message: `Unknown proposal source ${JSON.stringify(value)}: use "auto", "detector", "grid" or "onnx:<name>".` });
  } else if (!ONNX_DETECTOR_NAME_RE.test(name) || name === "." || name === "..") {
    ctx.addIssue({ code: "custom", message: `Invalid ONNX detector name ${JSON.stringify(name)}: 1-64 letters, digits, ".", "_" or "-".` });
  }
}) as unknown as z.ZodType<PrefillSource>;
/**
 * When pre-fill runs by itself (a new image's embedding is ready, a detector
 * version is activated): "detector" only while the project has an active
 * detector; "always" also with the point grid (no detector, or source
 * "grid"); "off" only when a manager starts it.
 */
export const AUTO_PREFILL_MODES = ["detector", "always", "off"] as const;
export type AutoPrefillMode = (typeof AUTO_PREFILL_MODES)[number];

/** Keys a patch leaves undefined keep their current (or default) value. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const prefillFields = z.object({
  /**
   * "auto": the active detector when the project has one, else the point grid;
   * "onnx:<name>": the user's models/detectors/<name>.onnx.
   */
  source: prefillSource,
  /** Boxes kept after the detector's box NMS (top-K). */
  topK: z.number().int().min(1).max(500),
  /** Detector boxes scoring below this are not proposed. */
  minDetectorScore: z.number().min(0).max(1),
  boxNmsIou: z.number().min(0).max(1),
  /**
   * Box proposals only: IoU between the prompt box and the mask's own box.
   * A mask much smaller than its box is usually a part (a shirt for a
   * person), which annotators would have to delete.
   */
  minBoxAgreement: z.number().min(0).max(1),
  /** Box proposals: among passing SAM candidates prefer the one filling the box best (else: highest predicted IoU). */
  preferWholeBox: z.boolean(),
  /** Point grid side (n x n prompts) for the grid source. */
  gridSize: z.number().int().min(2).max(64),
  /** Grid points: among passing SAM candidates keep the largest (whole object) instead of the most confident. */
  gridPreferLargest: z.boolean(),
  /** Point-grid masks: SAM's automatic generator thresholds (the only objectness evidence a grid point has). */
  minPredictedIou: z.number().min(0).max(1.5),
  minStability: z.number().min(0).max(1),
  /**
   * Detector-box masks: the trained detector already vouches for the object,
   * and the bundled small encoder's correct object masks mostly score 0.75-0.9
   * stability, so the grid's 0.88 / 0.95 would discard most of them.
   */
  boxMinPredictedIou: z.number().min(0).max(1.5),
  boxMinStability: z.number().min(0).max(1),
  /**
   * Detector-box masks: detector score x predicted IoU x stability must reach
   * this. One product ranks masks better than three separate bars (on
   * coco-mini, 5-fold: precision 0.44-0.46 at 1.0 masks/image where the
   * separate bars gave 0.38; issue 7 report). Boxes scoring under it are
   * not decoded at all.
   */
  minBoxConfidence: z.number().min(0).max(1),
  /** Masks covering at least this fraction of the image are dropped (background). */
  maxImageCoverage: z.number().min(0).max(1),
  /** Holes and islands smaller than this many pixels are filled / removed. */
  minRegionArea: z.number().int().min(0).max(100_000),
  /**
   * Masks overlapping a more confident kept mask by more than this IoU are
   * dropped. 0.5, not SAM's 0.7: on coco-mini (5-fold) 5 of the 35 false
   * pre-fills at 0.7 were second masks of an object already found; at 0.5
   * precision / recall at 1.0 mask/image is 0.54 / 0.122 instead of
   * 0.48 / 0.109 (issue 7 report).
   */
  maskNmsIou: z.number().min(0).max(1),
  /**
   * A mask with at least this fraction of its area inside a larger kept mask
   * is dropped (a part). Off (1) by default: on COCO a large background mask
   * that covers objects then swallows them too.
   */
  maxContainment: z.number().min(0).max(1),
  /** Decode every proposal twice, the second time with the first mask as mask input. */
  refine: z.boolean(),
  /**
   * Detector boxes: segment again with the first mask's own tight box as the
   * prompt (detector boxes are often loose). Off by default: on coco-mini,
   * 5-fold, it ranked masks no better at 1-1.6 masks/image; it helped where
   * few, sure masks are wanted (0.6/image: precision 0.63 vs 0.53). It
   * raises confidences, so pair it with a higher minBoxConfidence (about
   * +0.03 for the same number of masks). Two more decodes per box that
   * passes the filters.
   */
  refitBox: z.boolean(),
  autoPrefill: z.enum(AUTO_PREFILL_MODES),
});
export type PrefillSettings = z.infer<typeof prefillFields>;

/** The SAM paper's thresholds; the rest measured on COCO (see the issue 7 report). */
export const DEFAULT_PREFILL_SETTINGS: PrefillSettings = {
  source: "auto",
  topK: 30,
  minDetectorScore: 0.15,
  boxNmsIou: 0.6,
  minBoxAgreement: 0.4,
  preferWholeBox: true,
  gridSize: 16,
  gridPreferLargest: false,
  minPredictedIou: 0.88,
  minStability: 0.95,
  boxMinPredictedIou: 0.7,
  boxMinStability: 0.6,
  minBoxConfidence: 0.4,
  maxImageCoverage: 0.95,
  minRegionArea: 100,
  maskNmsIou: 0.5,
  maxContainment: 1,
  refine: true,
  refitBox: false,
  autoPrefill: "detector",
};

/** A partial update: only the keys sent change (no defaults filled in). */
export const prefillSettingsPatch = prefillFields.partial();
export type PrefillSettingsPatch = z.infer<typeof prefillSettingsPatch>;
/** Stored settings -> complete settings, defaults for anything unset. */
export const prefillSettings = prefillSettingsPatch.transform((value): PrefillSettings => ({ ...DEFAULT_PREFILL_SETTINGS, ...definedOnly(value) }));

const detectorFields = z.object({
  /** Train a new version by itself after this many newly accepted images; 0 = only by hand. */
  autoTrainAfterAcceptedImages: z.number().int().min(0).max(100_000),
  /** Wall-clock budget of one training run (the job queue expires jobs after 15 minutes). */
  maxTrainingSeconds: z.number().int().min(10).max(840),
  epochs: z.number().int().min(1).max(500),
  heldOutFraction: z.number().min(0.05).max(0.5),
});
export type DetectorSettings = z.infer<typeof detectorFields>;
export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = { autoTrainAfterAcceptedImages: 0, maxTrainingSeconds: 600, epochs: 40, heldOutFraction: 0.2 };
export const detectorSettingsPatch = detectorFields.partial();
export const detectorSettings = detectorSettingsPatch.transform((value): DetectorSettings => ({ ...DEFAULT_DETECTOR_SETTINGS, ...definedOnly(value) }));

export const updateDetectorSettingsInput = z.object({
  prefill: prefillSettingsPatch.optional(),
  detector: detectorSettingsPatch.optional(),
});
export type UpdateDetectorSettingsInput = z.infer<typeof updateDetectorSettingsInput>;

export const detectorMetrics = z.object({
  /** Training progress 0..1 while status is "training". */
  progress: z.number().min(0).max(1).default(0),
  epoch: z.number().int().min(0).default(0),
  epochs: z.number().int().min(0).default(0),
  /** The epochs setting when the run started; above `epochs` when the time budget (maxTrainingSeconds) shortened the run. */
  epochsRequested: z.number().int().min(0).default(0),
  loss: z.number().nullable().default(null),
  recallAt20: z.number().nullable().default(null),
  recallAt100: z.number().nullable().default(null),
  ap50: z.number().nullable().default(null),
  trainingBoxes: z.number().int().min(0).default(0),
  heldOutBoxes: z.number().int().min(0).default(0),
  trainSeconds: z.number().nullable().default(null),
});
export type DetectorMetrics = z.infer<typeof detectorMetrics>;

const storedTensor = z.object({ shape: z.array(z.number().int().min(1)), data: z.string() });
/** The weights file in the content store (detectors/<versionId>.json). */
export const detectorWeightsFile = z.object({
  format: z.literal("maskwright-dense-detector/1"),
  poolSizes: z.array(z.number().int().min(1)),
  channels: z.number().int().min(1),
  hidden: z.array(z.number().int().min(1)),
  /** Per input feature: subtract mean, divide by std (float32, base64). */
  featureMean: z.string(),
  featureStd: z.string(),
  tensors: z.record(z.string(), storedTensor),
});
export type DetectorWeightsFile = z.infer<typeof detectorWeightsFile>;

export type DetectorVersionStatus = "training" | "trained" | "failed" | "active" | "retired";

export interface DetectorVersionSummary {
  id: string;
  version: number;
  status: DetectorVersionStatus;
  sourceModelId: string;
  metrics: DetectorMetrics;
  trainingImages: number;
  heldOutImages: number;
  error: string | null;
  createdAt: string;
  activatedAt: string | null;
}

export interface PrefillOutcomeCounts {
  /** Pre-filled masks the current pre-fill run put on the image(s). */
  prefilled: number;
  /** Still there, pixels untouched, and accepted (labelled) or handed in with its image (relabelling alone keeps a mask "kept"). */
  kept: number;
  /** Still there and untouched, but nobody decided yet: no label, and the image not submitted. */
  pending: number;
  /** Replaced by (or edited into) a corrected mask. */
  corrected: number;
  deleted: number;
  /** Manual masks created after the image was pre-filled (not corrections). */
  manualAdded: number;
  manualSeconds: number;
  /** manualSeconds / manualAdded, null without manual masks. */
  secondsPerManualMask: number | null;
}

export interface PrefillOutcomes {
  project: PrefillOutcomeCounts & { images: number };
  images: (PrefillOutcomeCounts & { imageId: string })[];
}

/** A project's pre-fill jobs, counted in images (server/prefill/count-prefill-queue.ts). */
export interface PrefillQueueCounts {
  waiting: number;
  running: number;
  /** Images whose latest pre-fill job failed for good (its retries spent), and one such error. */
  failed: number;
  lastError: string | null;
}

/** The outcomes as the manager's panel reads them, with the pre-fill jobs still queued. */
export interface PrefillOverview extends PrefillOutcomes {
  queue: PrefillQueueCounts;
}
