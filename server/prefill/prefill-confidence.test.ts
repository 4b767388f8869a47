// The confidence the editor shows and ranks pre-fills by: stored with new
// rows, rebuilt for rows written before it was stored.
import { describe, expect, it } from "vitest";
import { prefillConfidence } from "./list-prefill-annotations";

const box = (extra: object = {}) => ({ prefill: { source: "detector", proposalScore: 0.8, ...extra } });

describe("prefillConfidence", () => {
  it("reads the stored confidence", () => {
    expect(prefillConfidence({ prompt: box({ confidence: 0.42 }), predictedIou: 0.9, stabilityScore: 0.9 })).toBe(0.42);
  });

  it("rebuilds it for older rows: box score x predicted IoU x stability, a grid point's predicted IoU", () => {
    expect(prefillConfidence({ prompt: box(), predictedIou: 0.9, stabilityScore: 0.5 })).toBeCloseTo(0.36, 10);
    expect(prefillConfidence({ prompt: { prefill: { source: "grid", proposalScore: 1 } }, predictedIou: 0.93, stabilityScore: 0.97 })).toBe(0.93);
  });

  it("is null when the row keeps too little to tell", () => {
    expect(prefillConfidence({ prompt: null, predictedIou: 0.9, stabilityScore: 0.9 })).toBeNull();
    expect(prefillConfidence({ prompt: box(), predictedIou: null, stabilityScore: 0.9 })).toBeNull();
    expect(prefillConfidence({ prompt: box(), predictedIou: 0.9, stabilityScore: null })).toBeNull();
    expect(prefillConfidence({ prompt: box({ confidence: "high" }), predictedIou: 0.9, stabilityScore: null })).toBeNull();
  });
});
