import { describe, expect, it } from "vitest";
import { DEFAULT_PREFILL_SETTINGS, prefillSettings } from "@/lib/schemas/detector";
import { promptThresholds } from "./prompt-thresholds";

describe("promptThresholds", () => {
  it("keeps SAM's automatic-generator bar for grid points and a looser one for detector boxes", () => {
    expect(promptThresholds({ settings: DEFAULT_PREFILL_SETTINGS, kind: "point" })).toEqual({ minPredictedIou: 0.88, minStability: 0.95 });
    const box = promptThresholds({ settings: DEFAULT_PREFILL_SETTINGS, kind: "box" });
    expect(box).toEqual({ minPredictedIou: 0.7, minStability: 0.6 });
  });

  it("follows each project's own settings per prompt kind", () => {
    const settings = prefillSettings.parse({ minStability: 0.97, boxMinPredictedIou: 0.5, boxMinStability: 0.8 });
    expect(promptThresholds({ settings, kind: "point" })).toEqual({ minPredictedIou: 0.88, minStability: 0.97 });
    expect(promptThresholds({ settings, kind: "box" })).toEqual({ minPredictedIou: 0.5, minStability: 0.8 });
  });
});
