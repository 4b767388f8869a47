// One image through a user-supplied ONNX detector -> scored boxes in image
// pixels: letterbox, run, map back, drop invalid and tiny boxes, then the
// same score threshold, box NMS and top-K as the trained detector's boxes.
import ort from "onnxruntime-node";
import { nmsBoxes } from "@/lib/detector/box-nms";
import type { ScoredBox } from "@/lib/detector/box";
import type { PrefillSettings } from "@/lib/schemas/detector";
import { boxToImage, letterboxImage } from "./letterbox-image";
import { OnnxDetectorError, type OnnxDetector } from "./load-onnx-detector";

/** Boxes narrower or lower than this (image pixels) cannot prompt a useful mask. */
export const MIN_BOX_SIDE = 4;

export async function detectOnnxBoxes(options: {
  detector: OnnxDetector;
  image: Buffer | Uint8Array;
  settings: Pick<PrefillSettings, "topK" | "minDetectorScore" | "boxNmsIou">;
}): Promise<ScoredBox[]> {
  const { detector, settings } = options;
  const size = detector.inputSize;
  const { tensor, letterbox } = await letterboxImage({ image: options.image, size });
  const input = new ort.Tensor("float32", tensor, [1, 3, size, size]);
  let outputs: ort.InferenceSession.ReturnType;
  try {
    outputs = await detector.session.run({ images: input });
  } catch (error) {
    throw new OnnxDetectorError(`ONNX detector ${detector.fileName} failed to run: ${(error as Error).message.split("\n")[0]}`);
  }
  const boxes = outputs.boxes?.data;
  const scores = outputs.scores?.data;
  if (!(boxes instanceof Float32Array) || !(scores instanceof Float32Array) || boxes.length !== scores.length * 4) {
    throw new OnnxDetectorError(
      `ONNX detector ${detector.fileName}: outputs must be boxes float32 [N,4] and scores float32 [N], got boxes [${outputs.boxes?.dims.join(",")}] and scores [${outputs.scores?.dims.join(",")}]`,
    );
  }
  const candidates: ScoredBox[] = [];
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (!Number.isFinite(score) || score < settings.minDetectorScore) continue;
    const raw = { x0: boxes[i * 4]!, y0: boxes[i * 4 + 1]!, x1: boxes[i * 4 + 2]!, y1: boxes[i * 4 + 3]! };
    if (![raw.x0, raw.y0, raw.x1, raw.y1].every(Number.isFinite)) continue;
    const box = boxToImage(raw, letterbox);
    if (box.x1 - box.x0 < MIN_BOX_SIDE || box.y1 - box.y0 < MIN_BOX_SIDE) continue;
    candidates.push({ ...box, score });
  }
  return nmsBoxes({ boxes: candidates, iouThreshold: settings.boxNmsIou, maxOutput: settings.topK });
}
