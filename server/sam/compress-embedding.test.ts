import { describe, expect, it } from "vitest";
import { decodeCompactEmbedding, readCompactEmbeddingHeader } from "@/lib/embedding/compact-embedding";
import { compressEmbedding } from "./compress-embedding";

describe("compressEmbedding", () => {
  it.each([
    // Values lie in (-0.5, 0.5): half an ulp is 2^-13 for fp16, 2x per bit dropped.
    [10, 2 ** -13],
    [9, 2 ** -12],
    [8, 2 ** -11],
  ])("round-trips through the browser-safe decoder (mantissaBits %s)", async (mantissaBits, bound) => {
    const dims = [1, 256, 64, 64];
    const data = new Float32Array(256 * 64 * 64);
    // Embedding-like: smooth per-channel structure plus small noise.
    let seed = 7;
    for (let i = 0; i < data.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      data[i] = 0.3 * Math.sin(i / 4096) + 0.05 * (seed / 2 ** 32 - 0.5);
    }
    const bytes = await compressEmbedding({ data, dims, mantissaBits });
    const header = readCompactEmbeddingHeader(bytes);
    expect(header.dims).toEqual(dims);
    // fp16 alone would be 2 MiB; shuffle + gzip (+ dropped bits) must beat it.
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const decoded = await decodeCompactEmbedding(bytes);
    let maxError = 0;
    for (let i = 0; i < data.length; i++) maxError = Math.max(maxError, Math.abs((decoded[i] as number) - (data[i] as number)));
    expect(maxError).toBeLessThanOrEqual(bound);
    expect(maxError).toBeGreaterThan(bound / 4); // the precision really is what was asked for
  });

  it("refuses data that does not match the dims", async () => {
    await expect(compressEmbedding({ data: new Float32Array(10), dims: [2, 4] })).rejects.toThrow(/need 8 values/);
  });
});
