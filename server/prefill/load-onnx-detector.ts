// Opens a user-supplied ONNX box detector and checks it follows the contract
// (README.md here) before anything runs it, so a wrong file fails with a
// message naming the file and what is wrong instead of a strange ONNX Runtime
// error mid pre-fill. Sessions are cached per file and reopened when the file
// changes (path + size + mtime, like the hash cache).
import { stat } from "node:fs/promises";
import type ort from "onnxruntime-node";
import { createInferenceSession, readExecutionProvider } from "../sam/create-inference-session";
import { hashFileSha256 } from "../sam/hash-file-sha256";
import { onnxDetectorPath } from "./list-onnx-detectors";

/** Input side when the model leaves it dynamic. */
export const DEFAULT_ONNX_DETECTOR_SIZE = 640;

export interface OnnxDetector {
  name: string;
  fileName: string;
  sha256: string;
  /** S of the [1,3,S,S] input. */
  inputSize: number;
  /**
   * "boxes-scores": outputs boxes [N,4] x0,y0,x1,y1 + scores [N] (the contract);
   * "yolo": one output [1,4+C,N] cx,cy,w,h + C class scores (an unmodified YOLOv8+ export).
   */
  layout: OnnxDetectorLayout;
  /** The output to read for layout "yolo". */
  yoloOutput: string | null;
  session: ort.InferenceSession;
}

export type OnnxDetectorLayout = "boxes-scores" | "yolo";

/** A detector the job cannot use; the message names the file and the problem. */
export class OnnxDetectorError extends Error {
  override name = "OnnxDetectorError";
}

const cache = new Map<string, { key: string; detector: Promise<OnnxDetector> }>();

function tensorMeta(session: ort.InferenceSession, kind: "input" | "output", name: string) {
  const list = kind === "input" ? session.inputMetadata : session.outputMetadata;
  const meta = list.find((entry) => entry.name === name);
  return meta && meta.isTensor ? meta : null;
}

function describeNames(session: ort.InferenceSession): string {
  return `inputs [${session.inputNames.join(", ")}], outputs [${session.outputNames.join(", ")}]`;
}

/** A fixed dimension, or null when symbolic/unknown. */
function fixedDim(value: number | string | undefined): number | null {
  return typeof value === "number" && value > 0 ? value : null;
}

/** A single rank-3 float output [1, 4+C, N] (C >= 1 where known): an exported YOLO head. */
function yoloOutputName(session: ort.InferenceSession): string | null {
  if (session.outputNames.length !== 1) return null;
  const meta = tensorMeta(session, "output", session.outputNames[0]!);
  if (!meta || meta.type !== "float32" || meta.shape.length !== 3) return null;
  const batch = fixedDim(meta.shape[0]);
  const rows = fixedDim(meta.shape[1]);
  if ((batch !== null && batch !== 1) || (rows !== null && rows < 5)) return null;
  return meta.name;
}

export function validateOnnxDetector(options: { session: ort.InferenceSession; fileName: string }): {
  inputSize: number;
  layout: OnnxDetectorLayout;
  yoloOutput: string | null;
} {
  const { session, fileName } = options;
  const fail = (problem: string): never => {
    throw new OnnxDetectorError(`ONNX detector ${fileName}: ${problem} (the model has ${describeNames(session)}; expected input "images" and outputs "boxes", "scores", or one YOLO output [1,4+C,N])`);
  };
  const input = tensorMeta(session, "input", "images");
  if (!input) fail(`no tensor input named "images"`);
  if (session.inputNames.length !== 1) fail(`expected exactly one input, found ${session.inputNames.length}`);
  if (input!.type !== "float32") fail(`input "images" is ${input!.type}, expected float32`);
  const shape = input!.shape;
  if (shape.length !== 4) fail(`input "images" has rank ${shape.length}, expected [1,3,S,S]`);
  const [batch, channels, height, width] = shape.map(fixedDim);
  if (batch !== null && batch !== 1) fail(`input "images" batch is ${batch}, expected 1`);
  if (channels !== null && channels !== 3) fail(`input "images" has ${channels} channels, expected 3 (RGB)`);
  if (height !== null && width !== null && height !== width) fail(`input "images" is ${height}x${width}, expected square S x S`);
  const inputSize = height ?? width ?? DEFAULT_ONNX_DETECTOR_SIZE;
  const yoloOutput = yoloOutputName(session);
  if (yoloOutput) return { inputSize, layout: "yolo", yoloOutput };
  for (const name of ["boxes", "scores"] as const) {
    const output = tensorMeta(session, "output", name);
    if (!output) fail(`no tensor output named "${name}"`);
    if (output!.type !== "float32") fail(`output "${name}" is ${output!.type}, expected float32`);
  }
  return { inputSize, layout: "boxes-scores", yoloOutput: null };
}

export async function loadOnnxDetector(options: { name: string; dir?: string }): Promise<OnnxDetector> {
  const { name } = options;
  const fileName = `${name}.onnx`;
  const filePath = onnxDetectorPath({ name, dir: options.dir });
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) throw new OnnxDetectorError(`ONNX detector ${fileName} not found in the models' detectors/ folder`);
  const key = `${info.size}:${info.mtimeMs}`;
  const cached = cache.get(filePath);
  if (cached && cached.key === key) return cached.detector;
  const detector = (async (): Promise<OnnxDetector> => {
    const sha256 = await hashFileSha256({ filePath });
    let session: ort.InferenceSession;
    try {
      ({ session } = await createInferenceSession({ modelPath: filePath, executionProvider: readExecutionProvider() }));
    } catch (error) {
      throw new OnnxDetectorError(`ONNX detector ${fileName} cannot be opened by ONNX Runtime: ${(error as Error).message.split("\n")[0]}`);
    }
    const { inputSize, layout, yoloOutput } = validateOnnxDetector({ session, fileName });
    return { name, fileName, sha256, inputSize, layout, yoloOutput, session };
  })();
  cache.set(filePath, { key, detector });
  // A failure is not cached: fixing the file (same size and mtime is unlikely) or retrying must work.
  detector.catch(() => {
    if (cache.get(filePath)?.detector === detector) cache.delete(filePath);
  });
  return detector;
}
