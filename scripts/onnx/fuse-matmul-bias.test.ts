// MatMul + Add(bias) after int8 quantisation becomes one
// DynamicQuantizeMatMul with a bias input, computing the same thing.
import ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { quantizeMatMulWeights } from "../quantize-browser-decoder";
import { loadOnnxSchema } from "./load-onnx-schema";
import { buildTinyModel, seededValues } from "./tiny-onnx-model";

const [tokens, inner, outer] = [6, 128, 64];

function linearModel(extraConsumer: boolean): Uint8Array {
  return buildTinyModel({
    nodes: [
      { name: "proj", opType: "MatMul", input: ["x", "w"], output: ["xw"] },
      { name: "bias", opType: "Add", input: ["xw", "b"], output: extraConsumer ? ["sum"] : ["y"] },
      ...(extraConsumer ? [{ name: "mix", opType: "Add", input: ["sum", "xw"], output: ["y"] }] : []),
    ],
    inputs: [{ name: "x", dims: [1, tokens, inner] }],
    outputs: [{ name: "y", dims: [1, tokens, outer] }],
    initializers: [
      { name: "w", dims: [inner, outer], values: seededValues(inner * outer, 5) },
      { name: "b", dims: [outer], values: seededValues(outer, 6) },
    ],
  });
}

async function run(bytes: Uint8Array, input: Float32Array): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    return (await session.run({ x: new ort.Tensor("float32", input, [1, tokens, inner]) })).y!.data as Float32Array;
  } finally {
    await session.release();
  }
}

describe("fuseQuantizedMatMulBias (through quantizeMatMulWeights)", () => {
  it("folds the bias Add into the quantised MatMul and keeps the result", async () => {
    const original = linearModel(false);
    const quantized = quantizeMatMulWeights({ modelBytes: original, sourceSha256: "0".repeat(64) });
    expect(quantized.quantizedMatMuls).toBe(1);
    expect(quantized.fusedBiases).toBe(1);
    const ops = loadOnnxSchema().ModelProto.decode(quantized.bytes).graph!.node.map((n) => n.opType);
    expect(ops).toEqual(["DynamicQuantizeMatMul"]);
    const input = seededValues(tokens * inner, 7);
    const [expected, actual] = [await run(original, input), await run(quantized.bytes, input)];
    const scale = Math.max(...expected.map(Math.abs));
    for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(0.03 * scale);
  });

  it("does not fuse when the MatMul's output has another reader", () => {
    const quantized = quantizeMatMulWeights({ modelBytes: linearModel(true), sourceSha256: "0".repeat(64) });
    expect(quantized.quantizedMatMuls).toBe(1);
    expect(quantized.fusedBiases).toBe(0);
  });
});
