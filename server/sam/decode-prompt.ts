// Runs the SAM decoder for one prompt (points and/or box, optionally the
// previous low-res logits as mask_input) on an image embedding.
import ort from "onnxruntime-node";
import { buildDecoderPrompt, type PromptBox, type PromptPoint, type ResizeGeometry } from "@/lib/sam/prompt-transform";
import type { DecoderSession } from "./create-decoder-session";

export interface DecodeCandidates {
  /** [count, lowResSize, lowResSize] logits, before the graph keeps one. */
  lowResLogits: Float32Array;
  iouPredictions: Float32Array;
  count: number;
}

export interface DecodePromptResult {
  /** The mask the graph selected, as low-res logits (feed back as maskInput). */
  lowResLogits: Float32Array;
  iouPrediction: number;
  /** Selected mask's logits at the original image size (threshold at 0). */
  maskLogits: Float32Array;
  width: number;
  height: number;
  /** All candidates; null for the "original" decoder variant. */
  candidates: DecodeCandidates | null;
  /** Index of the selected candidate; null for the "original" variant. */
  chosenIndex: number | null;
  decodeMs: number;
}

function floatOutput(outputs: ort.InferenceSession.OnnxValueMapType, name: string): Float32Array {
  const tensor = outputs[name];
  if (!tensor || tensor.type !== "float32") throw new Error(`Decoder returned no float32 "${name}" output`);
  return tensor.data as Float32Array;
}

export async function decodePrompt({
  decoder,
  embedding,
  geometry,
  points,
  box,
  maskInput,
}: {
  decoder: DecoderSession;
  /** [1,256,64,64] float32 (model.embeddingDims). */
  embedding: Float32Array;
  geometry: ResizeGeometry;
  points?: readonly PromptPoint[];
  box?: PromptBox | null;
  /** Previous result's lowResLogits (256x256), or null/undefined for none. */
  maskInput?: Float32Array | null;
}): Promise<DecodePromptResult> {
  const { model } = decoder;
  const size = model.lowResMaskSize;
  const prompt = buildDecoderPrompt({ points, box, geometry });
  if (maskInput && maskInput.length !== size * size) {
    throw new Error(`maskInput must hold ${size}x${size} values, got ${maskInput.length}`);
  }
  const feeds = {
    image_embeddings: new ort.Tensor("float32", embedding, model.embeddingDims),
    point_coords: new ort.Tensor("float32", prompt.pointCoords, [1, prompt.numPoints, 2]),
    point_labels: new ort.Tensor("float32", prompt.pointLabels, [1, prompt.numPoints]),
    mask_input: new ort.Tensor("float32", maskInput ?? new Float32Array(size * size), [1, 1, size, size]),
    has_mask_input: new ort.Tensor("float32", new Float32Array([maskInput ? 1 : 0]), [1]),
    orig_im_size: new ort.Tensor("float32", new Float32Array([geometry.height, geometry.width]), [2]),
  };
  const started = performance.now();
  const outputs = await decoder.session.run(feeds);
  const decodeMs = performance.now() - started;

  let candidates: DecodeCandidates | null = null;
  let chosenIndex: number | null = null;
  if (decoder.variant === "multimask") {
    const iouPredictions = floatOutput(outputs, "multi_iou_predictions");
    candidates = { lowResLogits: floatOutput(outputs, "multi_low_res_masks"), iouPredictions, count: iouPredictions.length };
    const selected = outputs.selected_mask_index;
    if (!selected || selected.type !== "int64") throw new Error('Decoder returned no int64 "selected_mask_index"');
    chosenIndex = Number((selected.data as BigInt64Array)[0]);
  }
  return {
    lowResLogits: floatOutput(outputs, "low_res_masks"),
    iouPrediction: floatOutput(outputs, "iou_predictions")[0] as number,
    maskLogits: floatOutput(outputs, "masks"),
    width: geometry.width,
    height: geometry.height,
    candidates,
    chosenIndex,
    decodeMs,
  };
}
