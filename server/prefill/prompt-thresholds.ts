// Which confidence bar a proposal's SAM mask must clear. Grid points keep the
// SAM automatic generator's thresholds: the filters are their only evidence
// that a mask is an object. Detector boxes get their own, looser bar: the
// trained detector already vouches for the object, and with the bundled small
// encoder most correct object masks score 0.75-0.9 stability (measured on
// COCO, issue 7), so the grid's 0.95 discarded most of them.
import type { PrefillSettings } from "@/lib/schemas/detector";

export type ThresholdSettings = Pick<PrefillSettings, "minPredictedIou" | "minStability" | "boxMinPredictedIou" | "boxMinStability">;

export function promptThresholds({ settings, kind }: { settings: ThresholdSettings; kind: "box" | "point" }): { minPredictedIou: number; minStability: number } {
  return kind === "box"
    ? { minPredictedIou: settings.boxMinPredictedIou, minStability: settings.boxMinStability }
    : { minPredictedIou: settings.minPredictedIou, minStability: settings.minStability };
}
