// The ConvTranspose -> MatMul rewrite must compute the same function, and
// leave alone the ConvTransposes it cannot express that way.
import ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { loadOnnxSchema } from "./load-onnx-schema";
import { rewritePatchConvTransposes } from "./rewrite-conv-transpose";
import { buildTinyModel, seededValues } from "./tiny-onnx-model";

const ints = (name: string, values: number[]) => ({ name, type: 7, ints: values });

function convTransposeModel(options: { cin: number; cout: number; k: number; stride: number; pads?: number[]; bias: boolean; size: number }) {
  const { cin, cout, k, stride, size } = options;
  const outSize = (size - 1) * stride + k - (options.pads ? options.pads[0]! + options.pads[2]! : 0);
  return buildTinyModel({
    nodes: [
      {
        name: "up",
        opType: "ConvTranspose",
        input: options.bias ? ["x", "w", "b"] : ["x", "w"],
        output: ["y"],
        attribute: [ints("kernel_shape", [k, k]), ints("strides", [stride, stride]), ints("pads", options.pads ?? [0, 0, 0, 0])],
      },
    ],
    inputs: [{ name: "x", dims: [1, cin, size, size] }],
    outputs: [{ name: "y", dims: [1, cout, outSize, outSize] }],
    initializers: [
      { name: "w", dims: [cin, cout, k, k], values: seededValues(cin * cout * k * k, 1) },
      ...(options.bias ? [{ name: "b", dims: [cout], values: seededValues(cout, 2) }] : []),
    ],
  });
}

function rewrite(bytes: Uint8Array): { bytes: Uint8Array; count: number; ops: string[] } {
  const schema = loadOnnxSchema();
  const model = schema.ModelProto.decode(bytes);
  const count = rewritePatchConvTransposes(model.graph!);
  return { bytes: schema.ModelProto.encode(model).finish(), count, ops: model.graph!.node.map((n) => n.opType ?? "") };
}

async function run(bytes: Uint8Array, input: Float32Array, dims: number[]): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const out = await session.run({ x: new ort.Tensor("float32", input, dims) });
    return out.y!.data as Float32Array;
  } finally {
    await session.release();
  }
}

describe("rewritePatchConvTransposes", () => {
  it.each([
    { k: 2, bias: true, cin: 8, cout: 4, size: 5 },
    { k: 2, bias: false, cin: 3, cout: 6, size: 4 },
    { k: 3, bias: true, cin: 4, cout: 2, size: 3 },
  ])("computes the same output for a k=$k patch ConvTranspose (bias $bias)", async ({ k, bias, cin, cout, size }) => {
    const original = convTransposeModel({ cin, cout, k, stride: k, bias, size });
    const rewritten = rewrite(original);
    expect(rewritten.count).toBe(1);
    expect(rewritten.ops).not.toContain("ConvTranspose");
    expect(rewritten.ops).toContain("MatMul");
    const input = seededValues(cin * size * size, 3);
    const [expected, actual] = [await run(original, input, [1, cin, size, size]), await run(rewritten.bytes, input, [1, cin, size, size])];
    expect(actual.length).toBe(expected.length);
    expect(actual.length).toBe(cout * size * k * size * k);
    let maxDifference = 0;
    for (let i = 0; i < expected.length; i++) maxDifference = Math.max(maxDifference, Math.abs(actual[i]! - expected[i]!));
    expect(maxDifference).toBeLessThan(1e-5);
  });

  it("leaves overlapping or padded ConvTransposes alone", () => {
    expect(rewrite(convTransposeModel({ cin: 2, cout: 2, k: 3, stride: 2, bias: true, size: 4 })).count).toBe(0);
    expect(rewrite(convTransposeModel({ cin: 2, cout: 2, k: 2, stride: 2, pads: [1, 1, 1, 1], bias: false, size: 4 })).count).toBe(0);
  });
});
