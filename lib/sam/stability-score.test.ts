import { describe, expect, it } from "vitest";
import { computeStabilityScore, computeStabilityScores } from "./stability-score";

describe("computeStabilityScore", () => {
  it("is count(> +1) / count(> -1)", () => {
    const logits = new Float32Array([-3, -0.5, 0.5, 2, 5, 0.9]);
    // > 1: {2, 5} = 2; > -1: {-0.5, 0.5, 2, 5, 0.9} = 5.
    expect(computeStabilityScore({ logits })).toBeCloseTo(2 / 5, 10);
  });
  it("honours threshold and offset", () => {
    const logits = new Float32Array([0, 1, 2, 3, 4]);
    // threshold 2, offset 0.5: > 2.5 {3,4}; > 1.5 {2,3,4}.
    expect(computeStabilityScore({ logits, threshold: 2, offset: 0.5 })).toBeCloseTo(2 / 3, 10);
  });
  it("is 1 for a mask with sharp logits and 0 when empty", () => {
    expect(computeStabilityScore({ logits: new Float32Array([-10, 10, 10]) })).toBe(1);
    expect(computeStabilityScore({ logits: new Float32Array([-10, -10]) })).toBe(0);
  });
  it("scores stacked candidates separately", () => {
    const logits = new Float32Array([10, -10, /* second */ 0.5, 2]);
    expect(computeStabilityScores({ logits, count: 2 })).toEqual([1, 0.5]);
    expect(() => computeStabilityScores({ logits, count: 3 })).toThrow(/Cannot split/);
  });
});
