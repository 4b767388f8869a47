// Main-thread side of the browser SAM decoder. Owns the worker
// (decoder.worker.ts), numbers requests, fetches embeddings from
// /api/images/<id>/embedding (and prefetches them), and guarantees:
// - answers are matched to requests by id, so overlapping decodes never
//   clobber each other;
// - a newer decode supersedes older ones: an older request resolves as
//   { status: "superseded" }, even if the worker already answered it.
import {
  embeddingKeyFromEtag,
  isDecoderResponse,
  transferablesOf,
  type DecodePrompt,
  type DecoderErrorCode,
  type DecoderModelInfo,
  type DecoderRequest,
  type DecoderResponse,
  type DecodeTimings,
  type ReadyMessage,
} from "@/lib/decoder/protocol";
import { LruCache } from "@/lib/decoder/lru-cache";
import type { ImageSize } from "@/lib/sam/prompt-transform";

/** The part of Worker the client uses; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type DecoderReady = Omit<ReadyMessage, "type">;

export class DecoderError extends Error {
  constructor(
    readonly code: DecoderErrorCode | "worker_failed" | "disposed" | "fetch_failed",
    message: string,
  ) {
    super(message);
    this.name = "DecoderError";
  }
}

/** The embedding route answered 409: the encoder has not finished; poll again. */
export class EmbeddingNotReadyError extends Error {
  constructor(readonly status: "pending" | "running") {
    super(`The image embedding is not ready yet (${status}).`);
    this.name = "EmbeddingNotReadyError";
  }
}

/** The embedding route answered 422: the encoder failed on this image. */
export class EmbeddingFailedError extends Error {
  constructor(readonly reason: string) {
    super(`Computing the image embedding failed: ${reason}`);
    this.name = "EmbeddingFailedError";
  }
}

export interface DecodeResult {
  requestId: number;
  key: string;
  lowResSize: number;
  maskCount: number;
  /** All candidates: maskCount x lowResSize^2 logits. */
  masks: Float32Array;
  ious: Float32Array;
  chosenIndex: number;
  /** The chosen candidate's logits (a view into masks); feed back as maskInput. */
  chosenMask: Float32Array;
  chosenIou: number;
  timings: DecodeTimings & { roundTripMs: number };
}

export type DecodeOutcome = { status: "done"; result: DecodeResult } | { status: "superseded" };

export interface DecoderClientOptions {
  modelUrl: string;
  model: DecoderModelInfo;
  /** Where public/ort/ is served; default "/ort/". */
  wasmPaths?: string;
  threads?: number;
  createWorker?: () => WorkerLike;
  fetch?: typeof fetch;
  embeddingUrl?: (imageId: string) => string;
  /** Compact embeddings kept on the main thread (~1.5 MB each for SAM). */
  maxCachedEmbeddings?: number;
}

type Embedding = { key: string; bytes: Uint8Array };
type Pending = {
  resolve: (outcome: DecodeOutcome) => void;
  reject: (error: Error) => void;
  sentAt: number;
  requestId: number;
  key: string;
  prompt: DecodePrompt;
  imageSize: ImageSize;
  imageId: string;
  retried: boolean;
};

function createDefaultWorker(): WorkerLike {
  // This exact form lets the bundler (Turbopack) emit the worker as its own chunk.
  return new Worker(new URL("./decoder.worker.ts", import.meta.url), { type: "module", name: "sam-decoder" });
}

async function readErrorDetails(response: Response): Promise<Record<string, unknown>> {
  try {
    const body = (await response.json()) as { error?: { details?: Record<string, unknown> } };
    return body.error?.details ?? {};
  } catch {
    return {};
  }
}

export class DecoderClient {
  readonly ready: Promise<DecoderReady>;
  private readyInfo: DecoderReady | null = null;
  private readonly worker: WorkerLike;
  private readonly fetchImpl: typeof fetch;
  private readonly embeddingUrl: (imageId: string) => string;
  private readonly embeddings: LruCache<string, Promise<Embedding>>;
  /** Keys the worker has been sent (it may still evict them: see unknown_embedding). */
  private readonly sentKeys = new Set<string>();
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  private latestRequestId = 0;
  private failure: DecoderError | null = null;

  constructor(private readonly options: DecoderClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.embeddingUrl = options.embeddingUrl ?? ((id) => `/api/images/${encodeURIComponent(id)}/embedding`);
    this.embeddings = new LruCache(options.maxCachedEmbeddings ?? 16);
    this.worker = (options.createWorker ?? createDefaultWorker)();
    this.ready = new Promise<DecoderReady>((resolve, reject) => {
      this.onReady = resolve;
      this.onInitFailed = reject;
    });
    // Nobody may await `ready` (decode reports the same error); avoid an unhandled rejection.
    this.ready.catch(() => undefined);
    this.worker.onmessage = (event) => this.handle(event.data);
    this.worker.onerror = (event) => this.fail(new DecoderError("worker_failed", `Decoder worker failed: ${event.message || "script error"}`));
    this.post({
      type: "init",
      modelUrl: options.modelUrl,
      model: options.model,
      wasmPaths: options.wasmPaths ?? "/ort/",
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
    });
  }

  private onReady: (info: DecoderReady) => void = () => undefined;
  private onInitFailed: (error: Error) => void = () => undefined;

  get threads(): number | null {
    return this.readyInfo?.threads ?? null;
  }

  get info(): DecoderReady | null {
    return this.readyInfo;
  }

  /** Fetches embeddings in the background so opening those images is instant. Errors are ignored. */
  prefetch(imageIds: readonly string[]): void {
    for (const imageId of imageIds) this.fetchEmbedding(imageId).catch(() => undefined);
  }

  /**
   * Makes the image's embedding available to the worker; resolves with its
   * key. Throws EmbeddingNotReadyError (poll) or EmbeddingFailedError.
   */
  async loadEmbedding(imageId: string): Promise<string> {
    const embedding = await this.fetchEmbedding(imageId);
    if (!this.sentKeys.has(embedding.key)) this.sendEmbedding(embedding);
    return embedding.key;
  }

  /**
   * Decodes a prompt on an image whose embedding was loaded. Resolves
   * { status: "superseded" } when a newer decode was started meanwhile.
   */
  decode({ imageId, prompt, imageSize }: { imageId: string; prompt: DecodePrompt; imageSize: ImageSize }): Promise<DecodeOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const requestId = this.nextRequestId++;
    this.latestRequestId = requestId;
    // Copy: the mask input is transferred to the worker, and the caller keeps its own.
    const ownPrompt: DecodePrompt = { ...prompt, maskInput: prompt.maskInput ? prompt.maskInput.slice() : null };
    return new Promise<DecodeOutcome>((resolve, reject) => {
      void this.loadEmbedding(imageId).then(
        (key) => {
          if (this.failure) return reject(this.failure);
          if (requestId !== this.latestRequestId) return resolve({ status: "superseded" });
          const pending: Pending = { resolve, reject, sentAt: performance.now(), requestId, key, prompt: ownPrompt, imageSize, imageId, retried: false };
          this.pending.set(requestId, pending);
          this.postDecode(pending);
        },
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  /** Stops the worker; pending decodes reject. */
  dispose(): void {
    this.fail(new DecoderError("disposed", "The decoder was disposed."));
    this.worker.terminate();
  }

  private postDecode(pending: Pending): void {
    const { requestId, key, prompt, imageSize } = pending;
    // A fresh copy per post: posting transfers (detaches) the mask input.
    const maskInput = prompt.maskInput ? prompt.maskInput.slice() : null;
    this.post({ type: "decode", requestId, key, prompt: { ...prompt, maskInput }, imageSize });
  }

  private post(message: DecoderRequest): void {
    this.worker.postMessage(message, transferablesOf(message));
  }

  private fetchEmbedding(imageId: string): Promise<Embedding> {
    const cached = this.embeddings.get(imageId);
    if (cached) return cached;
    const loading = this.download(imageId);
    this.embeddings.set(imageId, loading);
    // Not-ready and failed answers are not cached: the next call asks again.
    loading.catch(() => {
      if (this.embeddings.peek(imageId) === loading) this.embeddings.delete(imageId);
    });
    return loading;
  }

  private async download(imageId: string): Promise<Embedding> {
    const response = await this.fetchImpl(this.embeddingUrl(imageId), { credentials: "same-origin" });
    if (response.status === 409) {
      const details = await readErrorDetails(response);
      throw new EmbeddingNotReadyError(details.status === "running" ? "running" : "pending");
    }
    if (response.status === 422) {
      const details = await readErrorDetails(response);
      throw new EmbeddingFailedError(typeof details.error === "string" ? details.error : "unknown error");
    }
    if (!response.ok) throw new DecoderError("fetch_failed", `Fetching the embedding failed: HTTP ${response.status}`);
    const key = embeddingKeyFromEtag(response.headers.get("etag"));
    if (!key) throw new DecoderError("fetch_failed", "The embedding response has no usable ETag");
    return { key, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  private sendEmbedding(embedding: Embedding): void {
    this.sentKeys.add(embedding.key);
    // Transfer a copy: the cached bytes stay usable for a resend after eviction.
    this.post({ type: "setEmbedding", key: embedding.key, data: { format: "compact", bytes: embedding.bytes.slice() } });
  }

  private handle(data: unknown): void {
    if (!isDecoderResponse(data)) {
      console.error("[decoder] unexpected message from the worker", data);
      return;
    }
    const message: DecoderResponse = data;
    switch (message.type) {
      case "ready":
        this.readyInfo = { threads: message.threads, crossOriginIsolated: message.crossOriginIsolated, variant: message.variant, initMs: message.initMs };
        this.onReady(this.readyInfo);
        return;
      case "embeddingSet":
        return;
      case "superseded":
        return this.settle(message.requestId, (p) => p.resolve({ status: "superseded" }));
      case "result":
        return this.settle(message.requestId, (p) => {
          // A newer request exists: this answer is stale, whatever it says.
          if (message.requestId !== this.latestRequestId) return p.resolve({ status: "superseded" });
          const size = message.lowResSize * message.lowResSize;
          const index = Math.min(Math.max(message.chosenIndex, 0), message.maskCount - 1);
          p.resolve({
            status: "done",
            result: {
              requestId: message.requestId,
              key: message.key,
              lowResSize: message.lowResSize,
              maskCount: message.maskCount,
              masks: message.masks,
              ious: message.ious,
              chosenIndex: index,
              chosenMask: message.masks.subarray(index * size, (index + 1) * size),
              chosenIou: message.ious[index] ?? Number.NaN,
              timings: { ...message.timings, roundTripMs: performance.now() - p.sentAt },
            },
          });
        });
      case "error":
        return this.handleError(message);
    }
  }

  private handleError(message: Extract<DecoderResponse, { type: "error" }>): void {
    if (message.key && message.code === "bad_embedding") this.sentKeys.delete(message.key);
    if (message.requestId === undefined) {
      if (message.code === "init_failed") this.fail(new DecoderError("init_failed", message.message));
      else if (message.code !== "bad_embedding") console.error(`[decoder] ${message.code}: ${message.message}`);
      return;
    }
    const requestId = message.requestId;
    const pending = this.pending.get(requestId);
    if (!pending) return;
    if (message.code === "unknown_embedding" && !pending.retried) {
      // The worker evicted it: send the embedding again and retry once, same id.
      pending.retried = true;
      this.sentKeys.delete(pending.key);
      void this.loadEmbedding(pending.imageId).then(
        () => this.postDecode(pending),
        (error: unknown) => this.settle(requestId, (p) => p.reject(error instanceof Error ? error : new Error(String(error)))),
      );
      return;
    }
    this.settle(requestId, (p) => p.reject(new DecoderError(message.code, message.message)));
  }

  private settle(requestId: number, action: (pending: Pending) => void): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.pending.delete(requestId);
    action(pending);
  }

  private fail(error: DecoderError): void {
    if (this.failure) return;
    this.failure = error;
    this.onInitFailed(error);
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}
