// The ONNX Runtime side of the browser decoder: one WASM inference session,
// embedding tensors and a single decode run. Used only inside the decoder
// worker (components/sam/decoder.worker.ts), which owns the messaging.
//
// Speed notes (2-core machine, see docs/stack-notes.md):
// - WASM threads help ~1.8x but need cross-origin isolation; without it ORT
//   silently runs one thread, so the thread count reported is ORT's own.
// - Each embedding becomes an ORT Tensor once; decodes reuse it, as they reuse
//   the constant mask/flag tensors.
// - The graph also upsamples the chosen mask to `orig_im_size`. We render from
//   the low-res logits and compute full-resolution masks only on commit
//   (lib/sam/mask-postprocess), so orig_im_size is 1x1 here: the model
//   accepts any size, and the big upsample is skipped (~10-25% per decode).
import type { InferenceSession, Tensor } from "onnxruntime-web";
import type { DecodePrompt, DecoderModelInfo } from "@/lib/decoder/protocol";
import { buildDecoderPrompt, computeResizeGeometry, type ImageSize } from "@/lib/sam/prompt-transform";

type OrtModule = typeof import("onnxruntime-web/wasm");

const MULTI_OUTPUTS = ["multi_low_res_masks", "multi_iou_predictions", "selected_mask_index"] as const;
const SINGLE_OUTPUTS = ["low_res_masks", "iou_predictions"] as const;

export interface EngineInfo {
  threads: number;
  variant: "multimask" | "single";
  initMs: number;
}

export interface DecodeRun {
  lowResSize: number;
  maskCount: number;
  masks: Float32Array;
  ious: Float32Array;
  chosenIndex: number;
  runMs: number;
}

let ortModule: Promise<OrtModule> | null = null;

/** The 14 MB SIMD+threads build only (the package root would pull the 28 MB JSEP one). */
export function loadOrt(): Promise<OrtModule> {
  ortModule ??= import("onnxruntime-web/wasm");
  return ortModule;
}

export function defaultThreadCount(): number {
  // SharedArrayBuffer (and so WASM threads) only exists when cross-origin isolated.
  if (!globalThis.crossOriginIsolated) return 1;
  const cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(4, cores));
}

/** A copy only when the array is a view into a larger buffer (so it can be transferred alone). */
function ownBuffer<T extends Float32Array>(array: T): T {
  return array.byteOffset === 0 && array.byteLength === array.buffer.byteLength ? array : (array.slice() as T);
}

export class DecoderEngine {
  private constructor(
    private readonly ort: OrtModule,
    private readonly session: InferenceSession,
    readonly model: DecoderModelInfo,
    readonly info: EngineInfo,
    private readonly constants: { noMask: Tensor; hasMask: Tensor; hasNoMask: Tensor; origImSize: Tensor },
  ) {}

  static async create(options: {
    modelUrl: string;
    model: DecoderModelInfo;
    wasmPaths: string;
    threads: number;
  }): Promise<DecoderEngine> {
    const started = performance.now();
    const ort = await loadOrt();
    // Must be set before the first session: ORT initialises WASM once per realm.
    ort.env.wasm.numThreads = options.threads;
    ort.env.wasm.wasmPaths = new URL(options.wasmPaths, globalThis.location.href).href;
    ort.env.wasm.proxy = false; // we already are the worker
    ort.env.logLevel = "error";
    const response = await fetch(options.modelUrl, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`Fetching the decoder model failed: HTTP ${response.status}`);
    const modelBytes = new Uint8Array(await response.arrayBuffer());
    const session = await ort.InferenceSession.create(modelBytes, {
      executionProviders: ["wasm"],
      graphOptimizationLevel: "all",
    });
    const variant = MULTI_OUTPUTS.every((name) => session.outputNames.includes(name)) ? "multimask" : "single";
    const size = options.model.lowResMaskSize;
    const constants = {
      noMask: new ort.Tensor("float32", new Float32Array(size * size), [1, 1, size, size]),
      hasMask: new ort.Tensor("float32", new Float32Array([1]), [1]),
      hasNoMask: new ort.Tensor("float32", new Float32Array([0]), [1]),
      origImSize: new ort.Tensor("float32", new Float32Array([1, 1]), [2]),
    };
    // ORT lowers numThreads to 1 by itself when threads are unavailable.
    const threads = ort.env.wasm.numThreads ?? options.threads;
    const info: EngineInfo = { threads, variant, initMs: 0 };
    const engine = new DecoderEngine(ort, session, options.model, info, constants);
    await engine.warmUp();
    info.initMs = performance.now() - started;
    return engine;
  }

  /**
   * One throw-away decode on a zero embedding: the first run of a session
   * plans and allocates its memory, so without this the user's first click
   * would be the slow one.
   */
  private async warmUp(): Promise<void> {
    const dims = this.model.embeddingDims;
    const zeros = new Float32Array(dims.reduce((a, b) => a * b, 1));
    await this.decode({
      embedding: this.embeddingTensor(zeros),
      prompt: { points: [{ x: 0.5, y: 0.5, positive: true }] },
      imageSize: { width: 1, height: 1 },
    });
  }

  /** float32 embedding -> the tensor every decode on that image reuses. */
  embeddingTensor(values: Float32Array): Tensor {
    const dims = this.model.embeddingDims;
    const expected = dims.reduce((a, b) => a * b, 1);
    if (values.length !== expected) {
      throw new Error(`Embedding has ${values.length} values; model ${this.model.id} needs ${dims.join("x")} = ${expected}`);
    }
    return new this.ort.Tensor("float32", values, dims);
  }

  async decode({
    embedding,
    prompt,
    imageSize,
  }: {
    embedding: Tensor;
    prompt: DecodePrompt;
    imageSize: ImageSize;
  }): Promise<DecodeRun> {
    const { ort, model, constants } = this;
    const size = model.lowResMaskSize;
    const geometry = computeResizeGeometry({ ...imageSize, inputSize: model.inputSize });
    const built = buildDecoderPrompt({ points: prompt.points, box: prompt.box, geometry });
    const maskInput = prompt.maskInput ?? null;
    if (maskInput && maskInput.length !== size * size) {
      throw new Error(`maskInput must hold ${size}x${size} values, got ${maskInput.length}`);
    }
    const feeds = {
      image_embeddings: embedding,
      point_coords: new ort.Tensor("float32", built.pointCoords, [1, built.numPoints, 2]),
      point_labels: new ort.Tensor("float32", built.pointLabels, [1, built.numPoints]),
      mask_input: maskInput ? new ort.Tensor("float32", maskInput, [1, 1, size, size]) : constants.noMask,
      has_mask_input: maskInput ? constants.hasMask : constants.hasNoMask,
      orig_im_size: constants.origImSize,
    };
    const multimask = this.info.variant === "multimask";
    const started = performance.now();
    const outputs = await this.session.run(feeds, multimask ? [...MULTI_OUTPUTS] : [...SINGLE_OUTPUTS]);
    const runMs = performance.now() - started;
    const float = (name: string): Float32Array => {
      const tensor = outputs[name];
      if (!tensor || tensor.type !== "float32") throw new Error(`Decoder returned no float32 "${name}"`);
      return ownBuffer(tensor.data as Float32Array);
    };
    if (!multimask) {
      return { lowResSize: size, maskCount: 1, masks: float("low_res_masks"), ious: float("iou_predictions"), chosenIndex: 0, runMs };
    }
    const masks = float("multi_low_res_masks");
    const ious = float("multi_iou_predictions");
    const selected = outputs.selected_mask_index;
    if (!selected || selected.type !== "int64") throw new Error('Decoder returned no int64 "selected_mask_index"');
    const chosenIndex = Number((selected.data as BigInt64Array)[0]);
    return { lowResSize: size, maskCount: ious.length, masks, ious, chosenIndex, runMs };
  }
}
