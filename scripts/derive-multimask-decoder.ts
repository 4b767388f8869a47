// Builds models/derived/<id>-multimask.onnx from the shipped SAM decoder by
// exposing tensors the exported graph computes and then throws away: the
// four candidate masks' low-res logits and their predicted IoUs (before the
// ArgMax/Gather that keeps one), and the index that ArgMax picked. The
// original outputs are untouched, so the variant is a drop-in replacement.
//
// Usage: npx tsx scripts/derive-multimask-decoder.ts [--model ID] [--force] [--update-manifest]
// Idempotent: if the output already has the manifest's sha256 it exits at
// once. --update-manifest records a new output sha256 (after changing this
// script or upgrading onnxruntime-web, whose protobufjs encoder writes it).
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  defaultModelsDir,
  getModelEntry,
  loadModelManifest,
  MANIFEST_FILE_NAME,
  resolveFileRefPath,
  verifyModelFile,
} from "@/server/sam/load-model-manifest";
import { hashFileSha256 } from "@/server/sam/hash-file-sha256";
import { loadOnnxSchema, type OnnxGraphProto, type OnnxNodeProto, type OnnxValueInfoProto } from "./onnx/load-onnx-schema";

/** Tensors of segment-anything's exported decoder (SamOnnxModel.select_masks). */
export const SOURCE_TENSORS = {
  /** Reshape of hypernetwork outputs x upscaled embedding: [B,4,256,256] logits. */
  candidateLowResMasks: "/Reshape_9_output_0",
  /** Last layer of the IoU head: [B,4]. */
  candidateIouPredictions: "/iou_prediction_head/layers.2/Gemm_output_0",
  /** argmax(iou + (num_points - 2.5) * [1000,0,0,0]): the kept candidate. */
  selectedIndex: "/ArgMax_output_0",
} as const;

export const MULTIMASK_OUTPUTS = {
  lowResMasks: "multi_low_res_masks",
  iouPredictions: "multi_iou_predictions",
  selectedIndex: "selected_mask_index",
} as const;

function producerOf(graph: OnnxGraphProto, tensor: string): OnnxNodeProto {
  const node = graph.node.find((n) => n.output?.includes(tensor));
  if (!node) throw new Error(`Decoder graph has no tensor "${tensor}": not the expected SAM export`);
  return node;
}

/** Fails loudly unless the graph is wired the way SAM's export script wires it. */
function checkGraphStructure(graph: OnnxGraphProto): void {
  const masks = producerOf(graph, SOURCE_TENSORS.candidateLowResMasks);
  const ious = producerOf(graph, SOURCE_TENSORS.candidateIouPredictions);
  const argmax = producerOf(graph, SOURCE_TENSORS.selectedIndex);
  if (masks.opType !== "Reshape" || ious.opType !== "Gemm" || argmax.opType !== "ArgMax") {
    throw new Error(
      `Unexpected producers: ${masks.opType} / ${ious.opType} / ${argmax.opType} (want Reshape / Gemm / ArgMax)`,
    );
  }
  const scored = producerOf(graph, argmax.input?.[0] ?? "");
  if (scored.opType !== "Add" || !scored.input?.includes(SOURCE_TENSORS.candidateIouPredictions)) {
    throw new Error("ArgMax does not rank the IoU head's output: not the expected SAM export");
  }
  const flatten = graph.node.find((n) => n.opType === "Flatten" && n.input?.[0] === SOURCE_TENSORS.candidateLowResMasks);
  if (!flatten) throw new Error("Candidate masks are not gathered by the selection: not the expected SAM export");
  for (const name of Object.values(MULTIMASK_OUTPUTS)) {
    if (graph.output.some((o) => o.name === name)) throw new Error(`Decoder already has an output named ${name}`);
  }
}

function tensorOutput(name: string, elemType: number, dims: (number | string)[]): OnnxValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

/** Pure transform: original decoder bytes -> multimask decoder bytes. */
export function addMultimaskOutputs({ modelBytes, sourceSha256 }: { modelBytes: Uint8Array; sourceSha256: string }): Uint8Array {
  const schema = loadOnnxSchema();
  const model = schema.ModelProto.decode(modelBytes);
  const graph = model.graph;
  if (!graph) throw new Error("Decoder model has no graph");
  checkGraphStructure(graph);
  const argmax = producerOf(graph, SOURCE_TENSORS.selectedIndex);
  const keepdims = argmax.attribute?.find((a) => a.name === "keepdims")?.i;
  const keep = keepdims === undefined || keepdims === null || Number(keepdims) !== 0;

  // Identity nodes give the tensors stable public names; appended last, so
  // the node list stays topologically sorted.
  const renames: [string, string][] = [
    [SOURCE_TENSORS.candidateLowResMasks, MULTIMASK_OUTPUTS.lowResMasks],
    [SOURCE_TENSORS.candidateIouPredictions, MULTIMASK_OUTPUTS.iouPredictions],
    [SOURCE_TENSORS.selectedIndex, MULTIMASK_OUTPUTS.selectedIndex],
  ];
  for (const [from, to] of renames) {
    graph.node.push({ name: `maskwright/${to}`, opType: "Identity", domain: "", input: [from], output: [to] });
  }
  graph.output.push(
    tensorOutput(MULTIMASK_OUTPUTS.lowResMasks, schema.dataType.FLOAT, ["num_prompts", 4, 256, 256]),
    tensorOutput(MULTIMASK_OUTPUTS.iouPredictions, schema.dataType.FLOAT, ["num_prompts", 4]),
    tensorOutput(MULTIMASK_OUTPUTS.selectedIndex, schema.dataType.INT64, keep ? ["num_prompts", 1] : ["num_prompts"]),
  );
  model.metadataProps.push({ key: "maskwright.derived_from_sha256", value: sourceSha256 });
  model.metadataProps.push({ key: "maskwright.derivation", value: "multimask-outputs-v1" });
  return schema.ModelProto.encode(model).finish();
}

export interface DeriveResult {
  outputPath: string;
  sha256: string;
  skipped: boolean;
}

export async function deriveMultimaskDecoder(
  options: { modelId?: string; modelsDir?: string; force?: boolean; updateManifest?: boolean; outputPath?: string } = {},
): Promise<DeriveResult> {
  const modelsDir = options.modelsDir ?? defaultModelsDir();
  const manifest = await loadModelManifest({ modelsDir });
  const model = getModelEntry({ manifest, modelId: options.modelId });
  const outputPath = options.outputPath ?? resolveFileRefPath({ ref: model.multimaskDecoder, modelsDir });
  const expected = model.multimaskDecoder.sha256;

  if (!options.force && existsSync(outputPath) && (await hashFileSha256({ filePath: outputPath })) === expected) {
    return { outputPath, sha256: expected, skipped: true };
  }

  const sourcePath = resolveFileRefPath({ ref: model.decoder, modelsDir });
  await verifyModelFile({ filePath: sourcePath, expectedSha256: model.decoder.sha256, description: `${model.id} decoder` });
  const derived = addMultimaskOutputs({ modelBytes: await readFile(sourcePath), sourceSha256: model.decoder.sha256 });
  const sha256 = createHash("sha256").update(derived).digest("hex");

  if (sha256 !== expected && !options.updateManifest) {
    throw new Error(
      `Derived decoder for ${model.id} has sha256 ${sha256} but the manifest expects ${expected}. ` +
        "If the derivation changed on purpose, rerun with --update-manifest.",
    );
  }
  await mkdir(path.dirname(outputPath), { recursive: true });
  const temporary = `${outputPath}.${process.pid}.tmp`;
  await writeFile(temporary, derived);
  await rename(temporary, outputPath); // atomic: readers never see half a file

  if (sha256 !== expected && options.updateManifest) {
    const manifestPath = path.join(modelsDir, MANIFEST_FILE_NAME);
    const json = JSON.parse(await readFile(manifestPath, "utf8")) as {
      models: { id: string; multimaskDecoder: { sha256: string } }[];
    };
    const entry = json.models.find((m) => m.id === model.id);
    if (entry) entry.multimaskDecoder.sha256 = sha256;
    await writeFile(manifestPath, `${JSON.stringify(json, null, 2)}\n`);
  }
  return { outputPath, sha256, skipped: false };
}

async function main(argv: string[]): Promise<void> {
  const valueOf = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const started = performance.now();
  const modelId = valueOf("--model");
  const ids = modelId ? [modelId] : (await loadModelManifest()).models.map((m) => m.id);
  for (const id of ids) {
    const result = await deriveMultimaskDecoder({
      modelId: id,
      force: argv.includes("--force"),
      updateManifest: argv.includes("--update-manifest"),
    });
    const state = result.skipped ? "up to date" : "written";
    console.log(`${id}: ${result.outputPath} ${state} (sha256 ${result.sha256.slice(0, 12)}…)`);
  }
  console.log(`done in ${Math.round(performance.now() - started)} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
