// Builds models/derived/<id>-multimask-int8.onnx, the decoder the browser
// runs, from the multimask decoder in three graph passes:
//  1. the mask upscaling's 2x2/stride-2 ConvTransposes become MatMul + pixel
//     shuffle (onnx/rewrite-conv-transpose.ts): WASM ConvTranspose was about
//     a third of a browser decode;
//  2. every constant-weight MatMul becomes com.microsoft.DynamicQuantizeMatMul
//     (int8 weights, one symmetric scale per output column; activations are
//     quantised by ORT at run time): faster WASM decodes and a 6.5 MB instead
//     of 16.5 MB download;
//  3. the bias Add after each of them is folded into it (onnx/fuse-matmul-bias.ts).
// Masks match fp32 closely (quantize-browser-decoder.test.ts and the report).
// Native/server decoding keeps the fp32 graph.
//
// Usage: npx tsx scripts/quantize-browser-decoder.ts [--model ID] [--force]
// Idempotent: skips when the sidecar says the file is current and it hashes right.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { hashFileSha256 } from "@/server/sam/hash-file-sha256";
import { INT8_DERIVATION, int8DecoderPaths, readInt8DecoderSidecar, type Int8DecoderSidecar } from "@/server/sam/int8-decoder-file";
import { defaultModelsDir, resolveModelFiles } from "@/server/sam/load-model-manifest";
import { loadOnnxSchema, type OnnxGraphProto, type OnnxModelProto } from "./onnx/load-onnx-schema";
import { fuseQuantizedMatMulBias } from "./onnx/fuse-matmul-bias";
import { rewritePatchConvTransposes } from "./onnx/rewrite-conv-transpose";

const FLOAT = 1;
const INT8 = 3;
/** Small matrices gain nothing from int8 and lose precision: leave them. */
const MIN_WEIGHTS = 4096;

interface TensorProto {
  name?: string | null;
  dataType?: number | null;
  dims?: (number | { toNumber(): number })[] | null;
  rawData?: Uint8Array | null;
  floatData?: number[] | null;
}
type Graph = OnnxGraphProto & { initializer: TensorProto[] };
type Model = OnnxModelProto & { opsetImport: { domain?: string | null; version?: number | { toNumber(): number } | null }[] };

function floatValues(tensor: TensorProto): Float32Array {
  if (tensor.rawData && tensor.rawData.length > 0) {
    const raw = tensor.rawData;
    return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  }
  return Float32Array.from(tensor.floatData ?? []);
}

/** Per-column symmetric int8: w[r][c] ~ q[r][c] * scale[c]. */
export function quantizePerColumn(weights: Float32Array, rows: number, cols: number): { q: Int8Array; scales: Float32Array } {
  const scales = new Float32Array(cols);
  for (let c = 0; c < cols; c++) {
    let max = 0;
    for (let r = 0; r < rows; r++) max = Math.max(max, Math.abs(weights[r * cols + c] as number));
    scales[c] = max > 0 ? max / 127 : 1;
  }
  const q = new Int8Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const value = Math.round((weights[r * cols + c] as number) / (scales[c] as number));
      q[r * cols + c] = Math.max(-127, Math.min(127, value));
    }
  }
  return { q, scales };
}

/** Pure transform: decoder bytes -> int8-weight decoder bytes. */
export function quantizeMatMulWeights({ modelBytes, sourceSha256 }: { modelBytes: Uint8Array; sourceSha256: string }): {
  bytes: Uint8Array;
  quantizedMatMuls: number;
  rewrittenConvTransposes: number;
  fusedBiases: number;
} {
  const schema = loadOnnxSchema();
  const model = schema.ModelProto.decode(modelBytes) as Model;
  const graph = model.graph as Graph | null | undefined;
  if (!graph) throw new Error("Decoder model has no graph");
  // First, so the upscaling ConvTransposes become MatMuls and get int8 weights too.
  const rewrittenConvTransposes = rewritePatchConvTransposes(graph);
  const initializers = new Map(graph.initializer.map((t) => [t.name ?? "", t]));
  const converted = new Map<string, [string, string, string]>();
  let quantizedMatMuls = 0;
  for (const node of graph.node) {
    const weightName = node.input?.[1];
    if (node.opType !== "MatMul" || (node.domain ?? "") !== "" || !weightName) continue;
    const weight = initializers.get(weightName);
    const dims = weight?.dims?.map(Number) ?? [];
    if (!weight || weight.dataType !== FLOAT || dims.length !== 2) continue;
    const [rows, cols] = dims as [number, number];
    if (rows * cols < MIN_WEIGHTS) continue;
    let names = converted.get(weightName);
    if (!names) {
      const { q, scales } = quantizePerColumn(floatValues(weight), rows, cols);
      names = [`${weightName}_int8`, `${weightName}_scale`, `${weightName}_zero_point`];
      graph.initializer.push(
        { name: names[0], dataType: INT8, dims: [rows, cols], rawData: new Uint8Array(q.buffer) },
        { name: names[1], dataType: FLOAT, dims: [cols], rawData: new Uint8Array(scales.buffer) },
        { name: names[2], dataType: INT8, dims: [cols], rawData: new Uint8Array(cols) },
      );
      converted.set(weightName, names);
    }
    node.opType = "DynamicQuantizeMatMul";
    node.domain = "com.microsoft";
    node.input = [node.input?.[0] ?? "", ...names];
    quantizedMatMuls++;
  }
  const fusedBiases = fuseQuantizedMatMulBias(graph);
  // Drop the fp32 weights nothing reads any more.
  const used = new Set(graph.node.flatMap((n) => n.input ?? []));
  graph.initializer = graph.initializer.filter((t) => used.has(t.name ?? ""));
  graph.input = graph.input.filter((i) => used.has(i.name ?? "") || !initializers.has(i.name ?? ""));
  if (!model.opsetImport.some((o) => o.domain === "com.microsoft")) model.opsetImport.push({ domain: "com.microsoft", version: 1 });
  model.metadataProps.push({ key: "maskwright.derived_from_sha256", value: sourceSha256 });
  model.metadataProps.push({ key: "maskwright.derivation", value: INT8_DERIVATION });
  return { bytes: schema.ModelProto.encode(model).finish(), quantizedMatMuls, rewrittenConvTransposes, fusedBiases };
}

export async function quantizeBrowserDecoder(
  options: { modelId?: string; modelsDir?: string; force?: boolean } = {},
): Promise<{ outputPath: string; sidecar: Int8DecoderSidecar; skipped: boolean }> {
  const modelsDir = options.modelsDir ?? defaultModelsDir();
  const files = await resolveModelFiles({ modelId: options.modelId, modelsDir, verify: ["multimaskDecoder"] });
  const sourceSha256 = files.model.multimaskDecoder.sha256;
  const paths = int8DecoderPaths({ modelsDir, modelId: files.model.id });
  const current = await readInt8DecoderSidecar(paths.sidecar);
  if (
    !options.force &&
    current?.sourceSha256 === sourceSha256 &&
    existsSync(paths.onnx) &&
    (await hashFileSha256({ filePath: paths.onnx })) === current.sha256
  ) {
    return { outputPath: paths.onnx, sidecar: current, skipped: true };
  }
  const { bytes, quantizedMatMuls } = quantizeMatMulWeights({ modelBytes: await readFile(files.multimaskDecoderPath), sourceSha256 });
  const sidecar: Int8DecoderSidecar = {
    derivation: INT8_DERIVATION,
    sourceSha256,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    quantizedMatMuls,
  };
  await mkdir(path.dirname(paths.onnx), { recursive: true });
  // Model first, sidecar last (both atomic): a crash in between leaves a
  // sidecar that does not match, so the file is ignored until the next run.
  for (const [target, data] of [
    [paths.onnx, bytes],
    [paths.sidecar, `${JSON.stringify(sidecar, null, 2)}\n`],
  ] as const) {
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, target);
  }
  return { outputPath: paths.onnx, sidecar, skipped: false };
}

async function main(argv: string[]): Promise<void> {
  const modelFlag = argv.indexOf("--model");
  const modelId = modelFlag >= 0 ? argv[modelFlag + 1] : undefined;
  const result = await quantizeBrowserDecoder({ modelId, force: argv.includes("--force") });
  console.log(
    `[quantize-browser-decoder] ${result.outputPath}: ${result.skipped ? "up to date" : "written"} ` +
      `(${result.sidecar.quantizedMatMuls} MatMuls int8, sha256 ${result.sidecar.sha256.slice(0, 12)}…)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error("[quantize-browser-decoder] failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
