// Native half of the decode benchmark: the same model, embedding and prompts
// through onnxruntime-node on this machine.
// - "decodePrompt": server/sam/decode-prompt.ts as the server uses it (the
//   graph also upsamples the chosen mask to the full image size);
// - "low-res": the browser worker's exact feeds (orig_im_size 1x1, only the
//   low-res/candidate outputs fetched), the like-for-like comparison.
import ort from "onnxruntime-node";
import { decodeCompactEmbedding } from "@/lib/embedding/compact-embedding";
import { buildDecoderPrompt, computeResizeGeometry, type PromptPoint } from "@/lib/sam/prompt-transform";
import { createDecoderSession } from "@/server/sam/create-decoder-session";
import { decodePrompt } from "@/server/sam/decode-prompt";

export interface NativeBenchResult {
  decodePromptMs: number[];
  lowResMs: number[];
  threads: number;
}

export async function measureNativeDecode({
  compactEmbedding,
  prompts,
  imageSize,
  threads,
  modelId,
}: {
  compactEmbedding: Uint8Array;
  /** Accumulated points per click; a new group starts when the list shrinks. */
  prompts: readonly PromptPoint[][];
  imageSize: { width: number; height: number };
  threads: number;
  modelId?: string;
}): Promise<NativeBenchResult> {
  const decoder = await createDecoderSession({ modelId, variant: "multimask", intraOpNumThreads: threads });
  const { model } = decoder;
  const embedding = await decodeCompactEmbedding(compactEmbedding);
  const geometry = computeResizeGeometry({ ...imageSize, inputSize: model.inputSize });
  const size = model.lowResMaskSize;
  const embeddingTensor = new ort.Tensor("float32", embedding, model.embeddingDims);
  const fetches = ["multi_low_res_masks", "multi_iou_predictions", "selected_mask_index"];

  const runAll = async (record: boolean) => {
    const decodePromptMs: number[] = [];
    const lowResMs: number[] = [];
    let previous: Float32Array | null = null;
    let previousLength = 0;
    for (const points of prompts) {
      if (points.length <= previousLength) previous = null; // a new group
      previousLength = points.length;
      const full = await decodePrompt({ decoder, embedding, geometry, points, maskInput: previous });
      const prompt = buildDecoderPrompt({ points, geometry });
      const feeds = {
        image_embeddings: embeddingTensor,
        point_coords: new ort.Tensor("float32", prompt.pointCoords, [1, prompt.numPoints, 2]),
        point_labels: new ort.Tensor("float32", prompt.pointLabels, [1, prompt.numPoints]),
        mask_input: new ort.Tensor("float32", previous ?? new Float32Array(size * size), [1, 1, size, size]),
        has_mask_input: new ort.Tensor("float32", new Float32Array([previous ? 1 : 0]), [1]),
        orig_im_size: new ort.Tensor("float32", new Float32Array([1, 1]), [2]),
      };
      const started = performance.now();
      await decoder.session.run(feeds, fetches);
      const lowRes = performance.now() - started;
      if (record) {
        decodePromptMs.push(full.decodeMs);
        lowResMs.push(lowRes);
      }
      previous = full.lowResLogits;
    }
    return { decodePromptMs, lowResMs };
  };
  await runAll(false); // warm-up
  const { decodePromptMs, lowResMs } = await runAll(true);
  await decoder.session.release();
  return { decodePromptMs, lowResMs, threads };
}
