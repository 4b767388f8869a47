// Image bytes -> SAM image embedding, through an EncoderSession.
import ort from "onnxruntime-node";
import type { ResizeGeometry } from "@/lib/sam/prompt-transform";
import type { EncoderSession } from "./create-encoder-session";
import { preprocessImage } from "./preprocess-image";

export interface ImageEmbedding {
  /** [1, 256, 64, 64] float32 for SAM. */
  embedding: Float32Array;
  dims: number[];
  /** EXIF-oriented original size. */
  width: number;
  height: number;
  /** inputSize / max(width, height). */
  scale: number;
  geometry: ResizeGeometry;
  timings: { preprocessMs: number; inferenceMs: number };
}

export async function encodeImage({ encoder, image }: { encoder: EncoderSession; image: Buffer | Uint8Array }): Promise<ImageEmbedding> {
  const started = performance.now();
  const { tensor, dims, geometry } = await preprocessImage({
    image,
    inputSize: encoder.model.inputSize,
    normalization: encoder.model.normalization,
  });
  const preprocessed = performance.now();
  const outputs = await encoder.session.run({ [encoder.inputName]: new ort.Tensor("float32", tensor, dims) });
  const output = outputs[encoder.outputName];
  if (!output || output.type !== "float32") throw new Error(`Encoder returned no float32 "${encoder.outputName}" output`);
  const expected = encoder.model.embeddingDims;
  if (output.dims.length !== expected.length || output.dims.some((d, i) => d !== expected[i])) {
    throw new Error(`Encoder output dims [${output.dims.join(",")}] differ from manifest [${expected.join(",")}]`);
  }
  return {
    embedding: output.data as Float32Array,
    dims: [...output.dims],
    width: geometry.width,
    height: geometry.height,
    scale: geometry.scale,
    geometry,
    timings: { preprocessMs: preprocessed - started, inferenceMs: performance.now() - preprocessed },
  };
}
