// The user-supplied ONNX box detectors: models/detectors/<name>.onnx (the
// models dir of load-model-manifest, or MASKWRIGHT_ONNX_DETECTORS_DIR so
// tests never write into the repository's models/). See README.md here for
// the contract a file must follow.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { ONNX_DETECTOR_NAME_RE } from "@/lib/schemas/detector";
import { defaultModelsDir } from "../sam/load-model-manifest";

export interface OnnxDetectorFile {
  name: string;
  /** e.g. "yolo.onnx" (what provenance records, never an absolute path). */
  fileName: string;
  path: string;
  byteSize: number;
}

export function onnxDetectorsDir(): string {
  return process.env.MASKWRIGHT_ONNX_DETECTORS_DIR ?? path.join(defaultModelsDir(), "detectors");
}

/** Path of <name>.onnx; the name is checked first so it can never leave the folder. */
export function onnxDetectorPath(options: { name: string; dir?: string }): string {
  if (!ONNX_DETECTOR_NAME_RE.test(options.name)) throw new Error(`Invalid ONNX detector name ${JSON.stringify(options.name)}`);
  return path.join(options.dir ?? onnxDetectorsDir(), `${options.name}.onnx`);
}

export async function listOnnxDetectors(options: { dir?: string } = {}): Promise<OnnxDetectorFile[]> {
  const dir = options.dir ?? onnxDetectorsDir();
  let entries: string[];
  try {
    // The folder is chosen at run time (models dir or MASKWRIGHT_ONNX_DETECTORS_DIR): not a build input to trace.
    entries = await readdir(/* turbopackIgnore: true */ dir);
  } catch (error) {
    // No detectors/ folder is the normal case: nobody dropped a model in.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const found: OnnxDetectorFile[] = [];
  for (const fileName of entries.sort()) {
    if (!fileName.endsWith(".onnx")) continue;
    const name = fileName.slice(0, -".onnx".length);
    if (!ONNX_DETECTOR_NAME_RE.test(name)) continue;
    const filePath = path.join(/* turbopackIgnore: true */ dir, fileName);
    const info = await stat(/* turbopackIgnore: true */ filePath).catch(() => null);
    if (info?.isFile()) found.push({ name, fileName, path: filePath, byteSize: info.size });
  }
  return found;
}
