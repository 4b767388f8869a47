// SAM decoder Web Worker: owns ONE onnxruntime-web session (decoder-engine.ts)
// and an LRU of decoded embeddings, and answers the messages of
// lib/decoder/protocol.ts. Decodes run one at a time; while one runs only the
// newest waiting decode is kept (LatestWinsQueue), the others are answered
// "superseded". Started by decoder-client.ts with
// `new Worker(new URL("./decoder.worker.ts", import.meta.url), { type: "module" })`.
import { decodeCompactEmbedding } from "@/lib/embedding/compact-embedding";
import { LatestWinsQueue } from "@/lib/decoder/latest-wins-queue";
import { LruCache } from "@/lib/decoder/lru-cache";
import {
  transferablesOf,
  type DecodeMessage,
  type DecoderErrorCode,
  type DecoderRequest,
  type DecoderResponse,
  type InitMessage,
  type SetEmbeddingMessage,
} from "@/lib/decoder/protocol";
import type { Tensor } from "onnxruntime-web";
import { DecoderEngine, defaultThreadCount } from "./decoder-engine";

/** Decoded SAM embeddings are 4 MiB each: a handful covers going back and forth. */
const EMBEDDING_CACHE_SIZE = 4;

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;

function post(message: DecoderResponse): void {
  scope.postMessage(message, transferablesOf(message));
}

function postError(code: DecoderErrorCode, error: unknown, extra: { requestId?: number; key?: string } = {}): void {
  const message = error instanceof Error ? error.message : String(error);
  post({ type: "error", code, message, ...extra });
}

let engine: Promise<DecoderEngine> | null = null;
let engineUrl: string | null = null;
// Evicted tensors are only dropped, not disposed: a decode that already holds
// one may still be about to run it, and CPU tensors are freed by the GC.
const embeddings = new LruCache<string, Promise<Tensor>>(EMBEDDING_CACHE_SIZE);

function init(message: InitMessage): void {
  if (engine && engineUrl === message.modelUrl) {
    // A second client on the same worker: report the session we already have.
    engine.then((e) => post({ type: "ready", ...e.info, crossOriginIsolated: scope.crossOriginIsolated })).catch(() => undefined);
    return;
  }
  engineUrl = message.modelUrl;
  engine = DecoderEngine.create({
    modelUrl: message.modelUrl,
    model: message.model,
    wasmPaths: message.wasmPaths,
    threads: message.threads ?? defaultThreadCount(),
  });
  engine.then(
    (e) => post({ type: "ready", ...e.info, crossOriginIsolated: scope.crossOriginIsolated }),
    (error: unknown) => postError("init_failed", error),
  );
}

function setEmbedding(message: SetEmbeddingMessage): void {
  const { key, data } = message;
  const started = performance.now();
  const tensor = (async () => {
    if (!engine) throw new Error("init must come before setEmbedding");
    const values = data.format === "compact" ? await decodeCompactEmbedding(data.bytes) : data.values;
    return (await engine).embeddingTensor(values);
  })();
  embeddings.set(key, tensor);
  tensor.then(
    () => post({ type: "embeddingSet", key, decodeMs: performance.now() - started }),
    (error: unknown) => {
      // Forget a broken embedding so the client can send it again.
      if (embeddings.peek(key) === tensor) embeddings.delete(key);
      postError("bad_embedding", error, { key });
    },
  );
}

type QueuedDecode = { message: DecodeMessage; receivedAt: number };

async function runDecode({ message, receivedAt }: QueuedDecode): Promise<void> {
  const { requestId, key } = message;
  if (!engine) return postError("not_initialised", "init must come before decode", { requestId });
  let ready: DecoderEngine;
  try {
    ready = await engine;
  } catch (error) {
    return postError("init_failed", error, { requestId });
  }
  const cached = embeddings.get(key);
  if (!cached) return postError("unknown_embedding", `No embedding "${key}" in the worker (evicted or never sent)`, { requestId, key });
  let embedding: Tensor;
  try {
    embedding = await cached;
  } catch (error) {
    return postError("bad_embedding", error, { requestId, key });
  }
  const waitMs = performance.now() - receivedAt;
  try {
    const run = await ready.decode({ embedding, prompt: message.prompt, imageSize: message.imageSize });
    post({
      type: "result",
      requestId,
      key,
      lowResSize: run.lowResSize,
      maskCount: run.maskCount,
      masks: run.masks,
      ious: run.ious,
      chosenIndex: run.chosenIndex,
      timings: { waitMs, runMs: run.runMs, totalMs: performance.now() - receivedAt },
    });
  } catch (error) {
    postError("decode_failed", error, { requestId, key });
  }
}

const decodes = new LatestWinsQueue<QueuedDecode>(runDecode, ({ message }) =>
  post({ type: "superseded", requestId: message.requestId }),
);

scope.onmessage = (event: MessageEvent<DecoderRequest>) => {
  const message = event.data;
  switch (message?.type) {
    case "init":
      return init(message);
    case "setEmbedding":
      return setEmbedding(message);
    case "decode":
      return decodes.push({ message, receivedAt: performance.now() });
    default:
      postError("bad_request", `Unknown message ${JSON.stringify((message as { type?: unknown })?.type)}`);
  }
};
