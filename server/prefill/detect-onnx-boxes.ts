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

type Outputs = ort.InferenceSession.ReturnType;

function readBoxesScores(detector: OnnxDetector, outputs: Outputs): { boxes: Float32Array; scores: Float32Array } {
  const boxes = outputs.boxes?.data;
  const scores = outputs.scores?.data;
  if (!(boxes instanceof Float32Array) || !(scores instanceof Float32Array) || boxes.length !== scores.length * 4) {
    throw new OnnxDetectorError(
      `ONNX detector ${detector.fileName}: outputs must be boxes float32 [N,4] and scores float32 [N], got boxes [${outputs.boxes?.dims.join(",")}] and scores [${outputs.scores?.dims.join(",")}]`,
    );
  }
  return { boxes, scores };
}

/** YOLOv8+ head [1, 4+C, N]: rows cx, cy, w, h, then one score row per class; the box's score is its best class. */
function decodeYolo(detector: OnnxDetector, outputs: Outputs): { boxes: Float32Array; scores: Float32Array } {
  const output = outputs[detector.yoloOutput ?? ""];
  const data = output?.data;
  const [batch, rows, n] = output?.dims ?? [];
  if (!(data instanceof Float32Array) || batch !== 1 || rows === undefined || rows < 5 || n === undefined) {
    throw new OnnxDetectorError(`ONNX detector ${detector.fileName}: the YOLO output must be float32 [1,4+C,N], got [${output?.dims.join(",")}]`);
  }
  const boxes = new Float32Array(n * 4);
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const cx = data[i]!;
    const cy = data[n + i]!;
    const w = data[2 * n + i]!;
    const h = data[3 * n + i]!;
    boxes.set([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], i * 4);
    let best = -Infinity;
    for (let c = 4; c < rows; c++) best = Math.max(best, data[c * n + i]!);
    scores[i] = best;
  }
  return { boxes, scores };
}

export async function detectOnnxBoxes(options: {
  detector: OnnxDetector;
  image: Buffer | Uint8Array;
  settings: Pick<PrefillSettings, "topK" | "minDetectorScore" | "boxNmsIou">;
}): Promise<ScoredBox[]> {
  const { detector, settings } = options;
  const size = detector.inputSize;
  const { tensor, letterbox } = await letterboxImage({ image: options.image, size });
  const input = new ort.Tensor("float32", tensor, [1, 3, size, size]);
  let outputs: Outputs;
  try {
    outputs = await detector.session.run({ images: input });
  } catch (error) {
    throw new OnnxDetectorError(`ONNX detector ${detector.fileName} failed to run: ${(error as Error).message.split("\n")[0]}`);
  }
  const { boxes, scores } = detector.layout === "yolo" ? decodeYolo(detector, outputs) : readBoxesScores(detector, outputs);
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
