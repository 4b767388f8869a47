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
    const schema = loadOnnxSchema();
    const fused = schema.ModelProto.decode(quantized.bytes);
    const ops = fused.graph!.node.map((n) => n.opType);
    expect(ops).toEqual(["DynamicQuantizeMatMul"]);
    // The reference is the same quantised MatMul with the bias as a separate
    // Add (the graph before fusion). Comparing with it, not with fp32, keeps
    // the check exact on every CPU: onnxruntime's u8s8 kernels on x86 without
    // VNNI saturate int16 pair sums on random full-range weights like these,
    // which moves both graphs the same way.
    const unfused = schema.ModelProto.decode(quantized.bytes);
    const node = unfused.graph!.node[0]!;
    const biasName = node.input!.at(-1)!;
    node.input = node.input!.slice(0, 4);
    node.output = ["xw"];
    unfused.graph!.node.push({ name: "bias", opType: "Add", input: ["xw", biasName], output: ["y"] });
    const input = seededValues(tokens * inner, 7);
    const [expected, actual] = [await run(schema.ModelProto.encode(unfused).finish(), input), await run(quantized.bytes, input)];
    const scale = Math.max(...expected.map(Math.abs));
    for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(1e-4 * scale);
    // Both still compute the float model's function (loosely: see above).
    const float = await run(original, input);
    const floatScale = Math.max(...float.map(Math.abs));
    const meanError = float.reduce((sum, v, i) => sum + Math.abs(actual[i]! - v), 0) / float.length;
    expect(meanError).toBeLessThan(0.05 * floatScale);
  });

  it("does not fuse when the MatMul's output has another reader", () => {
    const quantized = quantizeMatMulWeights({ modelBytes: linearModel(true), sourceSha256: "0".repeat(64) });
    expect(quantized.quantizedMatMuls).toBe(1);
    expect(quantized.fusedBiases).toBe(0);
  });
});
