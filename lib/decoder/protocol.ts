// Message protocol between the main thread (components/sam/decoder-client.ts)
// and the SAM decoder Web Worker (components/sam/decoder.worker.ts).
//
// main -> worker: init (once), setEmbedding (per image), decode (per prompt).
// worker -> main: ready, embeddingSet, result | superseded | error.
//
// Every decode carries a requestId; its answer (result, superseded or an
// error) carries the same id, so overlapping requests can never be confused.
// The worker runs one decode at a time and keeps only the newest waiting
// request: older waiting ones are answered "superseded" without running.
// Large arrays travel as transferables (see transferablesOf), never copied.
import type { ImageSize, PromptBox, PromptPoint } from "@/lib/sam/prompt-transform";

/** What the worker needs to know about the model; from models/manifest.json. */
export interface DecoderModelInfo {
  id: string;
  /** Longest side of the encoder input, e.g. 1024. */
  inputSize: number;
  /** Side of the square low-res logit maps, e.g. 256. */
  lowResMaskSize: number;
  /** e.g. [1, 256, 64, 64]. */
  embeddingDims: number[];
}

/** Identifies one embedding: it depends on the model and the image content only. */
export function embeddingKey({ modelId, imageSha256 }: { modelId: string; imageSha256: string }): string {
  return `${modelId}:${imageSha256}`;
}

/** The embedding route's ETag is the quoted key (server/sam/embedding-storage-key.ts). */
export function embeddingKeyFromEtag(etag: string | null): string | null {
  if (!etag) return null;
  const match = /^(?:W\/)?"([a-z0-9][a-z0-9._-]*:[0-9a-f]{64})"$/.exec(etag.trim());
  return match?.[1] ?? null;
}

export interface DecodePrompt {
  /** Image pixel coordinates. */
  points: PromptPoint[];
  box?: PromptBox | null;
  /** A previous result's chosen low-res logits (lowResMaskSize^2), fed back to refine. */
  maskInput?: Float32Array | null;
}

// ---- main -> worker --------------------------------------------------------

export interface InitMessage {
  type: "init";
  /** URL of the decoder ONNX file (same origin; fetched with credentials). */
  modelUrl: string;
  model: DecoderModelInfo;
  /** Prefix the ORT .wasm/.mjs are served under, e.g. "/ort/". */
  wasmPaths: string;
  /** Override; default min(4, hardwareConcurrency) when cross-origin isolated, else 1. */
  threads?: number;
}

export type EmbeddingPayload =
  /** The route's compact bytes; the worker decompresses them (keeps the main thread free). */
  | { format: "compact"; bytes: Uint8Array }
  | { format: "float32"; values: Float32Array };

export interface SetEmbeddingMessage {
  type: "setEmbedding";
  key: string;
  data: EmbeddingPayload;
}

export interface DecodeMessage {
  type: "decode";
  requestId: number;
  key: string;
  prompt: DecodePrompt;
  /** Original image size in pixels (the prompt's coordinate space). */
  imageSize: ImageSize;
}

export type DecoderRequest = InitMessage | SetEmbeddingMessage | DecodeMessage;

// ---- worker -> main --------------------------------------------------------

export interface ReadyMessage {
  type: "ready";
  /** WASM threads actually in use. */
  threads: number;
  crossOriginIsolated: boolean;
  /** "multimask": four candidates per run; "single": the shipped decoder's one mask. */
  variant: "multimask" | "single";
  initMs: number;
}

export interface EmbeddingSetMessage {
  type: "embeddingSet";
  key: string;
  /** Decompression + fp16 -> f32 time in the worker. */
  decodeMs: number;
}

export interface DecodeTimings {
  /** Waiting for the previous decode or the embedding. */
  waitMs: number;
  /** session.run alone. */
  runMs: number;
  /** Worker receipt to answer. */
  totalMs: number;
}

export interface DecodeResultMessage {
  type: "result";
  requestId: number;
  key: string;
  lowResSize: number;
  /** Number of candidate masks in `masks` (4 for multimask, 1 otherwise). */
  maskCount: number;
  /** maskCount x lowResSize x lowResSize logits (> 0 is inside), row-major. */
  masks: Float32Array;
  /** Predicted IoU per candidate. */
  ious: Float32Array;
  /** The candidate SAM selects (best IoU for one click, the refined mask for more). */
  chosenIndex: number;
  timings: DecodeTimings;
}

export interface SupersededMessage {
  type: "superseded";
  requestId: number;
}

export type DecoderErrorCode =
  | "init_failed"
  | "not_initialised"
  | "unknown_embedding"
  | "bad_embedding"
  | "bad_request"
  | "decode_failed";

export interface ErrorMessage {
  type: "error";
  code: DecoderErrorCode;
  message: string;
  /** Set when the error answers a decode. */
  requestId?: number;
  /** Set when the error concerns an embedding. */
  key?: string;
}

export type DecoderResponse = ReadyMessage | EmbeddingSetMessage | DecodeResultMessage | SupersededMessage | ErrorMessage;

// ---- helpers ---------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Cheap shape check of what the worker posted, so a bug there is a clear error here. */
export function isDecoderResponse(value: unknown): value is DecoderResponse {
  if (!isRecord(value) || typeof value.type !== "string") return false;
  switch (value.type) {
    case "ready":
      return typeof value.threads === "number" && typeof value.initMs === "number";
    case "embeddingSet":
      return typeof value.key === "string";
    case "result":
      return (
        typeof value.requestId === "number" &&
        value.masks instanceof Float32Array &&
        value.ious instanceof Float32Array &&
        typeof value.chosenIndex === "number" &&
        typeof value.lowResSize === "number" &&
        typeof value.maskCount === "number" &&
        value.masks.length === value.maskCount * value.lowResSize * value.lowResSize
      );
    case "superseded":
      return typeof value.requestId === "number";
    case "error":
      return typeof value.code === "string" && typeof value.message === "string";
    default:
      return false;
  }
}

/** The buffers a message can hand over instead of copying. */
export function transferablesOf(message: DecoderRequest | DecoderResponse): Transferable[] {
  const buffers: ArrayBufferLike[] = [];
  if (message.type === "setEmbedding") {
    buffers.push(message.data.format === "compact" ? message.data.bytes.buffer : message.data.values.buffer);
  } else if (message.type === "result") {
    buffers.push(message.masks.buffer, message.ious.buffer);
  } else if (message.type === "decode" && message.prompt.maskInput) {
    buffers.push(message.prompt.maskInput.buffer);
  }
  // Only whole, non-shared ArrayBuffers can be transferred; anything else is copied.
  const unique = new Set(buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer));
  return [...unique];
}
