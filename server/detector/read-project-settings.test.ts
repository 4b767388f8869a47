import { describe, expect, it } from "vitest";
import { DEFAULT_DETECTOR_SETTINGS, DEFAULT_PREFILL_SETTINGS, prefillSettingsPatch } from "@/lib/schemas/detector";
import { parseProjectSettings } from "./read-project-settings";

describe("project settings of the semi-automatic stage", () => {
  it("fills defaults (the SAM paper's thresholds) for anything unset", () => {
    expect(parseProjectSettings({})).toEqual({ prefill: DEFAULT_PREFILL_SETTINGS, detector: DEFAULT_DETECTOR_SETTINGS });
    expect(parseProjectSettings(null).prefill).toMatchObject({ minPredictedIou: 0.88, minStability: 0.95, maxImageCoverage: 0.95, minRegionArea: 100, gridSize: 16 });
  });

  it("keeps valid stored keys and drops only the invalid ones", () => {
    const parsed = parseProjectSettings({ prefill: { minPredictedIou: 0.8, minStability: 7, source: "grid" }, detector: { epochs: "many" }, other: 1 });
    expect(parsed.prefill).toMatchObject({ minPredictedIou: 0.8, minStability: 0.95, source: "grid" });
    expect(parsed.detector.epochs).toBe(DEFAULT_DETECTOR_SETTINGS.epochs);
  });

  it("patches carry only the keys sent", () => {
    expect(prefillSettingsPatch.parse({ topK: 5 })).toEqual({ topK: 5 });
    expect(() => prefillSettingsPatch.parse({ minStability: 2 })).toThrow();
  });
});
