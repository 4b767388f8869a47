// Builds small single-purpose ONNX models in memory for tests of the graph
// rewrites (no model files checked in).
import { loadOnnxSchema, type OnnxModelProto, type OnnxNodeProto } from "./load-onnx-schema";

const FLOAT = 1;

export type TinyInitializer = { name: string; dims: number[]; values: Float32Array };
export type TinyValue = { name: string; dims: number[] };

export function buildTinyModel(options: {
  nodes: (OnnxNodeProto & { attribute?: unknown[] })[];
  inputs: TinyValue[];
  outputs: TinyValue[];
  initializers: TinyInitializer[];
  opset?: number;
}): Uint8Array {
  const schema = loadOnnxSchema();
  const valueInfo = ({ name, dims }: TinyValue) => ({
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((dimValue) => ({ dimValue })) } } },
  });
  const model = {
    irVersion: 8,
    producerName: "maskwright-test",
    opsetImport: [{ domain: "", version: options.opset ?? 17 }],
    metadataProps: [],
    graph: {
      name: "tiny",
      node: options.nodes,
      input: options.inputs.map(valueInfo),
      output: options.outputs.map(valueInfo),
      valueInfo: [],
      initializer: options.initializers.map(({ name, dims, values }) => ({
        name,
        dataType: FLOAT,
        dims,
        rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
      })),
    },
  } as unknown as OnnxModelProto;
  return schema.ModelProto.encode(model).finish();
}

/** Deterministic values in [-1, 1) (a small LCG), so failures reproduce. */
export function seededValues(length: number, seed: number): Float32Array {
  let state = seed >>> 0;
  return Float32Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}
